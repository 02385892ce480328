package io.github.mlflowstarter.autoconfigure;

import java.net.Socket;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.X509Certificate;

import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A {@link TrustManagerFactory} whose trust manager accepts every server certificate, for
 * {@code mlflow.tracking.ssl.insecure-skip-verify}. Its trust manager is an
 * {@link X509ExtendedTrustManager}, so JSSE leaves the host name check to it as well: neither the
 * signer nor the host name is verified. Being plain JSSE, it works with every connector that
 * builds its TLS from an {@code SslBundle}'s managers (Reactor Netty, Jetty, JDK).
 */
final class AcceptAnyCertificateTrustManagerFactory extends TrustManagerFactory {

	private static final String ALGORITHM = "AcceptAnyCertificate";

	private static final Provider PROVIDER = new Provider("MlflowAcceptAnyCertificate", "1.0",
			"Trust manager of mlflow.tracking.ssl.insecure-skip-verify") {

		private static final long serialVersionUID = 1L;

	};

	AcceptAnyCertificateTrustManagerFactory() {
		super(new Spi(), PROVIDER, ALGORITHM);
	}

	private static final class Spi extends TrustManagerFactorySpi {

		@Override
		protected void engineInit(KeyStore keyStore) {
		}

		@Override
		protected void engineInit(ManagerFactoryParameters parameters) {
		}

		@Override
		protected TrustManager[] engineGetTrustManagers() {
			return new TrustManager[] { new AcceptAnyCertificate() };
		}

	}

	private static final class AcceptAnyCertificate extends X509ExtendedTrustManager {

		private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return NO_ISSUERS;
		}

	}

}
