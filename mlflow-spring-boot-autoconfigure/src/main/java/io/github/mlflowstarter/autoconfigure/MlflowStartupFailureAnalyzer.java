package io.github.mlflowstarter.autoconfigure;

import io.github.mlflowstarter.client.MlflowApiException;
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
		if (cause.getCause() instanceof MlflowUnreachableException) {
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

	private static int portOf(MlflowStartupException cause) {
		int port = cause.getTrackingUri().getPort();
		if (port != -1) {
			return port;
		}
		return "https".equalsIgnoreCase(cause.getTrackingUri().getScheme()) ? 443 : 80;
	}

}
