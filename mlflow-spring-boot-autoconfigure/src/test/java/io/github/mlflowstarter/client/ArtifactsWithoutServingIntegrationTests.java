package io.github.mlflowstarter.client;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.testsupport.MlflowServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MlflowArtifacts} against a real MLflow server started with {@code --no-serve-artifacts}.
 */
class ArtifactsWithoutServingIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static MlflowServer server;

	private static MlflowTemplate mlflow;

	@BeforeAll
	static void startServer() throws IOException {
		// MLflow 2.x requires an explicit root with a database backend and no artifact serving
		server = MlflowServer.startNew("--no-serve-artifacts", "--default-artifact-root",
				Files.createTempDirectory("mlflow-no-serve-").toString());
		mlflow = MlflowTemplate.create(server.uri(), "no-serve-" + UUID.randomUUID(), RunSpec.named("no-serve"));
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void runWithTheServersLocalArtifactRootFailsWithAClearMessage() {
		String runId = mlflow.activeRun().start().block(TIMEOUT).runId();
		String artifactUri = mlflow.getRun(runId).block(TIMEOUT).info().artifactUri();
		StepVerifier.create(mlflow.artifacts().uploadText(runId, "a.txt", "x"))
			.verifyErrorSatisfies((error) -> assertThat(error)
				.isInstanceOfSatisfying(MlflowArtifactsUnavailableException.class, (ex) -> {
					assertThat(ex.getArtifactUri()).isEqualTo(artifactUri);
					assertThat(ex.getMessage()).contains(artifactUri)
						.contains("does not serve through its artifact proxy")
						.contains("--serve-artifacts");
				}));
	}

	@Test
	void proxyAnswerOfAServerWithoutArtifactServingIsExplainedAndNotRetried() {
		String experimentId = mlflow
			.createExperiment("no-serve-proxy-" + UUID.randomUUID(), "mlflow-artifacts:/elsewhere", Map.of())
			.block(TIMEOUT);
		String runId = mlflow.createRun(experimentId, RunSpec.named("proxy")).block(TIMEOUT).info().runId();
		long start = System.nanoTime();
		StepVerifier.create(mlflow.artifacts().uploadText(runId, "a.txt", "x"))
			.verifyErrorSatisfies((error) -> assertThat(error)
				.isInstanceOfSatisfying(MlflowArtifactsUnavailableException.class, (ex) -> {
					assertThat(ex.getMessage()).contains("runs with --no-serve-artifacts")
						.contains("HTTP 503")
						.contains(server.uri().toString());
					assertThat(ex.getCause()).isInstanceOf(MlflowApiException.class);
				}));
		StepVerifier.create(mlflow.artifacts().downloadText(runId, "a.txt"))
			.verifyError(MlflowArtifactsUnavailableException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
	}

}
