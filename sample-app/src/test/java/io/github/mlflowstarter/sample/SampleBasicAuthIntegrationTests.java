package io.github.mlflowstarter.sample;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.github.mlflowstarter.client.MlflowAuthentication;
import io.github.mlflowstarter.client.MlflowTemplate;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunStatus;
import io.github.mlflowstarter.testsupport.BasicAuthMlflowServer;
import io.github.mlflowstarter.testsupport.SharedBasicAuthMlflowServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample job against a real {@code mlflow server --app-name basic-auth}, configured only with
 * MLflow's own environment variables, as a user of the Python client would.
 */
@ExtendWith(SharedBasicAuthMlflowServer.class)
class SampleBasicAuthIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Test
	void withTheRightCredentialsInTheEnvironmentTheJobFinishesItsRun(BasicAuthMlflowServer server) throws Exception {
		String experiment = "auth-sample-" + UUID.randomUUID();
		try (SampleProcess job = SampleProcess.start(Map.of("MLFLOW_TRACKING_URI", server.uri().toString(),
				"MLFLOW_TRACKING_USERNAME", BasicAuthMlflowServer.ADMIN_USERNAME, "MLFLOW_TRACKING_PASSWORD",
				BasicAuthMlflowServer.ADMIN_PASSWORD, "MLFLOW_EXPERIMENT_NAME", experiment), "--sample.epochs=5",
				"--sample.epoch-delay=0ms")) {
			assertThat(job.awaitExit(240)).as("the job ended").isTrue();
			assertThat(job.exitValue()).as(job.output()).isZero();
			String runId = job.awaitRunStarted();
			assertThat(job.output()).doesNotContain(BasicAuthMlflowServer.ADMIN_PASSWORD);
			MlflowTemplate admin = MlflowTemplate.builder(server.uri())
				.webClientBuilder(WebClient.builder()
					.filter(MlflowAuthentication.basic(BasicAuthMlflowServer.ADMIN_USERNAME,
							BasicAuthMlflowServer.ADMIN_PASSWORD)))
				.build();
			Run run = admin.getRun(runId).block(TIMEOUT);
			assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
			assertThat(admin.getExperiment(run.info().experimentId()).block(TIMEOUT).name()).isEqualTo(experiment);
			assertThat(admin.getMetricHistory(runId, "val_accuracy").count().block(TIMEOUT)).isEqualTo(5);
		}
	}

	@Test
	void withAWrongPasswordTheJobFailsSayingAuthenticationFailedWithoutShowingThePassword(
			BasicAuthMlflowServer server) throws Exception {
		String wrongPassword = "Wrong-Sample-Password-" + UUID.randomUUID();
		try (SampleProcess job = SampleProcess.start(Map.of("MLFLOW_TRACKING_URI", server.uri().toString(),
				"MLFLOW_TRACKING_USERNAME", BasicAuthMlflowServer.ADMIN_USERNAME, "MLFLOW_TRACKING_PASSWORD",
				wrongPassword), "--sample.epochs=5", "--sample.epoch-delay=0ms")) {
			assertThat(job.awaitExit(240)).as("the job ended").isTrue();
			String output = job.output();
			assertThat(job.exitValue()).as(output).isNotZero();
			assertThat(output).contains("Authentication failed")
				.contains("'admin'")
				.contains("MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD")
				.doesNotContain(wrongPassword)
				.doesNotContain(BasicAuthMlflowServer.basic(BasicAuthMlflowServer.ADMIN_USERNAME, wrongPassword)
					.substring("Basic ".length()));
		}
	}

}
