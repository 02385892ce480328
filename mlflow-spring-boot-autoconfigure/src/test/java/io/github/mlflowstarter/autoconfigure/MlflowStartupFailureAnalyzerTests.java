package io.github.mlflowstarter.autoconfigure;

import java.io.IOException;
import java.net.URI;

import io.github.mlflowstarter.client.MlflowApiException;
import io.github.mlflowstarter.client.MlflowUnreachableException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MlflowStartupFailureAnalyzer}.
 */
class MlflowStartupFailureAnalyzerTests {

	private static final URI URI_TRIED = URI.create("http://mlflow.internal:5001");

	@Test
	void unreachableServerNamesTheAddressAndEveryWayOut() {
		MlflowStartupException failure = new MlflowStartupException(URI_TRIED, "fraud",
				new MlflowUnreachableException(URI_TRIED, "GET /x", new IOException("Connection refused")));
		FailureAnalysis analysis = new MlflowStartupFailureAnalyzer().analyze(new RuntimeException(failure));
		assertThat(analysis.getDescription()).contains("http://mlflow.internal:5001").contains("'fraud'")
			.contains("Connection refused");
		assertThat(analysis.getAction()).contains("mlflow server --host mlflow.internal --port 5001")
			.contains("mlflow.tracking.uri")
			.contains("mlflow.tracking.fail-fast=false")
			.contains("mlflow.tracking.enabled=false");
	}

	@Test
	void serverErrorAsksToFixWhatTheServerReported() {
		MlflowStartupException failure = new MlflowStartupException(URI_TRIED, "fraud",
				new MlflowApiException("POST /x", 403, "PERMISSION_DENIED", "Permission denied", null));
		FailureAnalysis analysis = new MlflowStartupFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("Permission denied").contains("http://mlflow.internal:5001");
		assertThat(analysis.getAction()).contains("Fix the problem the MLflow server reported");
	}

}
