package io.github.mlflowstarter.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link MlflowTlsException} recognises TLS handshake failures in a transport
 * error's cause chain. The failures themselves, from a real TLS proxy, are in
 * {@code TrackingTlsIntegrationTests}.
 */
class MlflowTlsExceptionTests {

	@Test
	void certificateProblemAnywhereInTheChainMeansNotTrusted() {
		SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
		handshake.initCause(new CertificateException("unable to find valid certification path"));
		assertThat(MlflowTlsException.reasonOf(new IOException("request failed", handshake)))
			.isEqualTo(MlflowTlsException.Reason.SERVER_CERTIFICATE_NOT_TRUSTED);
	}

	@Test
	void certificateAlertsFromTheServerMeanTheClientCertificateWasRejected() {
		assertThat(MlflowTlsException.reasonOf(new SSLHandshakeException("Received fatal alert: certificate_required")))
			.isEqualTo(MlflowTlsException.Reason.CLIENT_CERTIFICATE_REJECTED);
		assertThat(MlflowTlsException.reasonOf(new SSLException("Received fatal alert: bad_certificate")))
			.isEqualTo(MlflowTlsException.Reason.CLIENT_CERTIFICATE_REJECTED);
	}

	@Test
	void otherHandshakeFailuresAreNamedAsSuch() {
		assertThat(MlflowTlsException.reasonOf(new SSLHandshakeException("No appropriate protocol")))
			.isEqualTo(MlflowTlsException.Reason.HANDSHAKE_FAILED);
	}

	@Test
	void connectionFailuresAreNoTlsFailure() {
		assertThat(MlflowTlsException.reasonOf(new ConnectException("Connection refused"))).isNull();
		assertThat(MlflowTlsException.reasonOf(new SSLException("Connection reset"))).isNull();
	}

	@Test
	void messageNamesTheServerTheReasonAndTheSecurityError() {
		SSLHandshakeException handshake = new SSLHandshakeException("handshake failed");
		handshake.initCause(new CertificateException("No subject alternative names matching IP address 10.0.0.7"));
		MlflowTlsException exception = new MlflowTlsException(URI.create("https://mlflow.internal"),
				"GET /api/2.0/mlflow/runs/get", MlflowTlsException.Reason.SERVER_CERTIFICATE_NOT_TRUSTED, handshake);
		assertThat(exception).hasMessageContaining("https://mlflow.internal")
			.hasMessageContaining("the server's certificate is not trusted")
			.hasMessageContaining("No subject alternative names matching IP address 10.0.0.7");
	}

}
