package io.github.mlflowstarter.client;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;

import javax.net.ssl.SSLHandshakeException;

import org.jspecify.annotations.Nullable;

/**
 * The TLS handshake with the MLflow tracking server failed: its certificate is not trusted, it
 * rejected the client's certificate, or the two sides found no common ground. Such a failure
 * does not pass by itself, so requests that meet it are not retried.
 */
public class MlflowTlsException extends MlflowException {

	private static final long serialVersionUID = 1L;

	private final URI trackingUri;

	private final Reason reason;

	/**
	 * Creates an exception.
	 * @param trackingUri the tracking server URI the client was configured with
	 * @param operation the request that failed, as {@code METHOD path}
	 * @param reason why the handshake failed
	 * @param cause the TLS error
	 */
	public MlflowTlsException(URI trackingUri, String operation, Reason reason, Throwable cause) {
		super("TLS handshake with the MLflow tracking server at " + trackingUri + " failed (" + operation + "): "
				+ reason.description + " (" + rootMessage(cause) + "). " + reason.fix, cause);
		this.trackingUri = trackingUri;
		this.reason = reason;
	}

	/**
	 * The TLS failure in the cause chain of a transport error, if there is one.
	 * @param error a transport error
	 * @return why the handshake failed, or {@code null} when the error is no TLS handshake
	 * failure
	 */
	static @Nullable Reason reasonOf(Throwable error) {
		boolean handshake = false;
		String alerts = "";
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof CertificateException || cause instanceof CertPathBuilderException
					|| cause instanceof CertPathValidatorException) {
				return Reason.SERVER_CERTIFICATE_NOT_TRUSTED;
			}
			if (cause instanceof SSLHandshakeException) {
				handshake = true;
			}
			if (cause.getMessage() != null) {
				alerts += cause.getMessage().toLowerCase(Locale.ROOT) + "\n";
			}
		}
		if (alerts.contains("certificate_required") || alerts.contains("bad_certificate")) {
			return Reason.CLIENT_CERTIFICATE_REJECTED;
		}
		return handshake ? Reason.HANDSHAKE_FAILED : null;
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root && !(root instanceof GeneralSecurityException)) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null) ? message : root.getClass().getSimpleName();
	}

	/**
	 * The tracking server URI that was tried.
	 * @return the tracking URI
	 */
	public URI getTrackingUri() {
		return this.trackingUri;
	}

	/**
	 * Why the handshake failed.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Why a TLS handshake failed.
	 */
	public enum Reason {

		/**
		 * The server's certificate is not signed by an authority the client trusts, or was
		 * issued for another host name.
		 */
		SERVER_CERTIFICATE_NOT_TRUSTED("the server's certificate is not trusted",
				"Make the client trust the certificate authority that signed the server's certificate, and"
						+ " connect through a host name the certificate was issued for."),

		/**
		 * The server asked for a client certificate and the client sent none, or one the server
		 * does not accept.
		 */
		CLIENT_CERTIFICATE_REJECTED("the server requires a client certificate and rejected the one sent, if any",
				"Give the client a certificate (and its private key) that the server accepts."),

		/**
		 * Any other handshake failure, such as no common protocol version or cipher suite.
		 */
		HANDSHAKE_FAILED("the handshake did not complete",
				"Check that the tracking URI points at the server's TLS port and that client and server"
						+ " share a protocol version and cipher suite.");

		private final String description;

		private final String fix;

		Reason(String description, String fix) {
			this.description = description;
			this.fix = fix;
		}

	}

}
