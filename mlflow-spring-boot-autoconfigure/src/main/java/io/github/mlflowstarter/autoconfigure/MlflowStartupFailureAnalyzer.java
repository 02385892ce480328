package io.github.mlflowstarter.autoconfigure;

import io.github.mlflowstarter.client.MlflowApiException;
import io.github.mlflowstarter.client.MlflowTlsException;
import io.github.mlflowstarter.client.MlflowUnreachableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a failed start caused by the MLflow tracking server, and what to do about it.
 */
class MlflowStartupFailureAnalyzer extends AbstractFailureAnalyzer<MlflowStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MlflowStartupException cause) {
		String description = cause.getMessage();
		String action;
		if (cause.getCause() instanceof MlflowTlsException tls) {
			action = tlsAction(tls);
		}
		else if (cause.getCause() instanceof MlflowUnreachableException) {
			action = "Start an MLflow tracking server at " + cause.getTrackingUri() + " (for example: mlflow server"
					+ " --host " + cause.getTrackingUri().getHost() + " --port " + portOf(cause)
					+ "), or point the application at your server with mlflow.tracking.uri (or"
					+ " mlflow.tracking.host and mlflow.tracking.port). To start without a server and open the"
					+ " run on first use, set mlflow.tracking.fail-fast=false; to switch MLflow off, set"
					+ " mlflow.tracking.enabled=false.";
		}
		else if (cause.getCause() instanceof MlflowApiException) {
			action = "Fix the problem the MLflow server reported above. To start without MLflow, set"
					+ " mlflow.tracking.fail-fast=false (the run is then opened on first use) or"
					+ " mlflow.tracking.enabled=false.";
		}
		else {
			action = "Check that the MLflow server at " + cause.getTrackingUri() + " is healthy and answers within"
					+ " mlflow.tracking.startup-timeout, or set mlflow.tracking.fail-fast=false to start without it.";
		}
		return new FailureAnalysis(description, action, cause);
	}

	private static String tlsAction(MlflowTlsException tls) {
		return switch (tls.getReason()) {
			case SERVER_CERTIFICATE_NOT_TRUSTED -> "Trust the certificate authority that signed the certificate of "
					+ tls.getTrackingUri().getHost() + ": define an SSL bundle with it as trust store (for example"
					+ " spring.ssl.bundle.pem.mlflow.truststore.certificate=file:/path/to/ca.pem) and name it in "
					+ TrackingSslBundle.BUNDLE_PROPERTY + "=mlflow; if the certificate was issued for another host"
					+ " name, connect through that name. For a development server only, "
					+ TrackingSslBundle.INSECURE_PROPERTY + "=true (MLFLOW_TRACKING_INSECURE_TLS=true) skips"
					+ " verification altogether, exposing the connection to interception.";
			case CLIENT_CERTIFICATE_REJECTED -> "The server at " + tls.getTrackingUri() + " requires mutual TLS."
					+ " Put a client certificate it accepts, with its private key, into the key store of an SSL"
					+ " bundle (spring.ssl.bundle.pem.mlflow.keystore.certificate and .private-key, or"
					+ " spring.ssl.bundle.jks.mlflow.keystore.location) and name that bundle in "
					+ TrackingSslBundle.BUNDLE_PROPERTY + ".";
			case HANDSHAKE_FAILED -> "Check that " + tls.getTrackingUri() + " is the server's TLS endpoint and that"
					+ " the protocols and ciphers of the SSL bundle named in " + TrackingSslBundle.BUNDLE_PROPERTY
					+ " (if any) match the server's.";
		};
	}

	private static int portOf(MlflowStartupException cause) {
		int port = cause.getTrackingUri().getPort();
		if (port != -1) {
			return port;
		}
		return "https".equalsIgnoreCase(cause.getTrackingUri().getScheme()) ? 443 : 80;
	}

}
