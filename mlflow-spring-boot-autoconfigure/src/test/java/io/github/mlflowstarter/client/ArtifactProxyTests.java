package io.github.mlflowstarter.client;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ArtifactProxy}.
 */
class ArtifactProxyTests {

	@Test
	void artifactUriWithoutHostGoesToTheTrackingServer() {
		ArtifactProxy proxy = new ArtifactProxy(URI.create("http://127.0.0.1:5000"));
		assertThat(proxy.fileUrl("abc", "mlflow-artifacts:/0/abc/artifacts", "model/weights.bin")).hasToString(
				"http://127.0.0.1:5000/api/2.0/mlflow-artifacts/artifacts/0/abc/artifacts/model/weights.bin");
	}

	@Test
	void pathPrefixOfTheTrackingUriIsKept() {
		ArtifactProxy proxy = new ArtifactProxy(URI.create("https://example.org/mlflow"));
		assertThat(proxy.fileUrl("abc", "mlflow-artifacts:///1/abc/artifacts/", "a.txt"))
			.hasToString("https://example.org/mlflow/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts/a.txt");
	}

	@Test
	void artifactUriWithHostGoesToThatHost() {
		ArtifactProxy proxy = new ArtifactProxy(URI.create("https://tracking:5000/prefix"));
		assertThat(proxy.fileUrl("abc", "mlflow-artifacts://artifacts-host:8080/2/abc/artifacts", "a.txt"))
			.hasToString("https://artifacts-host:8080/prefix/api/2.0/mlflow-artifacts/artifacts/2/abc/artifacts/a.txt");
	}

	@Test
	void artifactPathIsPercentEncodedSegmentBySegment() {
		ArtifactProxy proxy = new ArtifactProxy(URI.create("http://localhost:5000"));
		assertThat(proxy.fileUrl("abc", "mlflow-artifacts:/0/abc/artifacts", "plots/loss curve %.png").getRawPath())
			.isEqualTo("/api/2.0/mlflow-artifacts/artifacts/0/abc/artifacts/plots/loss%20curve%20%25.png");
	}

	@Test
	void otherArtifactUrisAreNotServed() {
		ArtifactProxy proxy = new ArtifactProxy(URI.create("http://localhost:5000"));
		for (String uri : new String[] { "s3://bucket/1/abc/artifacts", "gs://bucket/x", "file:///srv/mlruns/1/abc",
				"/srv/mlruns/1/abc/artifacts", "dbfs:/databricks/mlflow" }) {
			assertThatExceptionOfType(MlflowArtifactsUnavailableException.class)
				.isThrownBy(() -> proxy.fileUrl("abc", uri, "a.txt"))
				.withMessageContaining("'" + uri + "'")
				.withMessageContaining("--serve-artifacts")
				.satisfies((ex) -> assertThat(ex.getArtifactUri()).isEqualTo(uri));
		}
	}

	@Test
	void serversAnswerWithoutArtifactServingIsExplained() {
		ArtifactProxy proxy = new ArtifactProxy(URI.create("http://localhost:5000"));
		MlflowApiException text = new MlflowErrorTranslator(URI.create("http://localhost:5000")).translate(
				"PUT /api/2.0/mlflow-artifacts/mpu/create/x", 503,
				"Endpoint: /api/2.0/mlflow-artifacts/mpu/create/<path:artifact_path> disabled due to the mlflow"
						+ " server running with `--no-serve-artifacts`.");
		assertThat(proxy.explain(text)).isInstanceOf(MlflowArtifactsUnavailableException.class)
			.hasMessageContaining("--no-serve-artifacts")
			.hasCause(text);
		MlflowApiException other = new MlflowApiException("GET x", 503, "TEMPORARILY_UNAVAILABLE", "busy", null);
		assertThat(proxy.explain(other)).isSameAs(other);
	}

	@Test
	void missingFileAnswerOfMlflow2IsReportedAsNotFoundAndNotRetried() {
		ArtifactProxy proxy = new ArtifactProxy(URI.create("http://127.0.0.1:5000"));
		// what MLflow 2.22 answers for a missing file of its local artifact store
		String operation = "GET /api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/m.txt";
		MlflowApiException missing = new MlflowApiException(operation, 500, "INTERNAL_ERROR", "The following failures occurred while downloading one or more artifacts from"
						+ " /srv/art:\n##### File 1/r/artifacts/m.txt #####\n[Errno 2] No such file or directory:"
						+ " '/srv/art/1/r/artifacts/m.txt'",
				null);
		assertThat(proxy.explain(missing)).isInstanceOfSatisfying(MlflowApiException.class, (api) -> {
			assertThat(api.getHttpStatus()).isEqualTo(404);
			assertThat(api.getErrorCode()).isEqualTo(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST);
			assertThat(api.isTransient()).isFalse();
			assertThat(api.getMessage()).contains("m.txt").contains("MLflow 2.x server answered HTTP 500");
		});
		MlflowApiException crash = new MlflowApiException("GET x", 500, "INTERNAL_ERROR", "disk full", null);
		assertThat(proxy.explain(crash)).isSameAs(crash);
	}

}
