package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.UUID;

import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.RunStatus;
import io.github.mlflowstarter.testsupport.BasicAuthMlflowServer;
import io.github.mlflowstarter.testsupport.SharedBasicAuthMlflowServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MlflowTemplate} against a real {@code mlflow server --app-name basic-auth}.
 */
@ExtendWith(SharedBasicAuthMlflowServer.class)
class BasicAuthIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final String SOURCE = "the client's user name and password settings";

	@Test
	void rightCredentialsCreateAnExperimentAndARunAndLogAndReadBack(BasicAuthMlflowServer server) {
		MlflowTemplate mlflow = client(server, BasicAuthMlflowServer.ADMIN_USERNAME,
				BasicAuthMlflowServer.ADMIN_PASSWORD);
		String experimentId = mlflow.createExperiment("auth-it-" + UUID.randomUUID()).block(TIMEOUT);
		Run created = mlflow.createRun(experimentId, RunSpec.named("with-credentials")).block(TIMEOUT);
		mlflow.logBatch(created.runId(),
				LogBatch.builder().metric("loss", 0.25, 1).param("lr", "0.1").build())
			.block(TIMEOUT);
		mlflow.endRun(created.runId(), RunStatus.FINISHED).block(TIMEOUT);
		StepVerifier.create(mlflow.getRun(created.runId())).assertNext((run) -> {
			assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
			assertThat(run.data().paramMap()).containsEntry("lr", "0.1");
			assertThat(run.data().latestMetricValues()).containsEntry("loss", 0.25);
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void wrongPasswordIsAClearAuthenticationErrorThatNamesTheUserButNotThePassword(BasicAuthMlflowServer server) {
		String wrongPassword = "not-the-admin-password-" + UUID.randomUUID();
		MlflowTemplate mlflow = client(server, BasicAuthMlflowServer.ADMIN_USERNAME, wrongPassword);
		StepVerifier.create(mlflow.getExperimentByName("Default")).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(MlflowApiException.class);
			MlflowApiException api = (MlflowApiException) error;
			assertThat(api.getHttpStatus()).isEqualTo(401);
			assertThat(api.getErrorCode()).isEqualTo(MlflowErrorCodes.UNAUTHENTICATED);
			assertThat(api.isTransient()).isFalse();
			assertThat(api.getMessage()).contains("Authentication failed")
				.contains("did not accept the user name 'admin' and its password")
				.contains("check " + SOURCE)
				.doesNotContain(wrongPassword)
				.doesNotContain(BasicAuthMlflowServer.basic("admin", wrongPassword).substring("Basic ".length()));
		}).verify(TIMEOUT);
	}

	@Test
	void noCredentialsIsAClearAuthenticationErrorThatSaysNoneWereSent(BasicAuthMlflowServer server) {
		MlflowTemplate mlflow = MlflowTemplate.builder(server.uri())
			.credentials(MlflowCredentialsDescription.none(SOURCE))
			.build();
		StepVerifier.create(mlflow.getExperimentByName("Default")).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(MlflowApiException.class);
			assertThat(((MlflowApiException) error).getHttpStatus()).isEqualTo(401);
			assertThat(error.getMessage()).contains("Authentication failed")
				.contains("requires credentials and the client sent none; set " + SOURCE);
		}).verify(TIMEOUT);
	}

	@Test
	void userWithoutPermissionOnAnotherUsersExperimentGetsAClearPermissionError(BasicAuthMlflowServer server) {
		MlflowTemplate admin = client(server, BasicAuthMlflowServer.ADMIN_USERNAME,
				BasicAuthMlflowServer.ADMIN_PASSWORD);
		String experimentId = admin.createExperiment("admins-only-" + UUID.randomUUID()).block(TIMEOUT);
		String user = "alice-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "alice-password-" + UUID.randomUUID();
		server.createUser(user, password);
		MlflowTemplate alice = client(server, user, password);
		StepVerifier.create(alice.getExperiment(experimentId)).expectErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(MlflowApiException.class);
			MlflowApiException api = (MlflowApiException) error;
			assertThat(api.getHttpStatus()).isEqualTo(403);
			assertThat(api.getErrorCode()).isEqualTo(MlflowErrorCodes.PERMISSION_DENIED);
			assertThat(api.getServerMessage()).isEqualTo("Permission denied");
			assertThat(api.getMessage()).contains("Permission denied: the server at " + server.uri()
					+ " accepted the user name '" + user + "' and its password but that user has no permission")
				.contains("admin")
				.doesNotContain("--allowed-hosts")
				.doesNotContain(password);
		}).verify(TIMEOUT);
		StepVerifier.create(alice.createExperiment("alices-own-" + UUID.randomUUID()))
			.assertNext((id) -> assertThat(id).isNotBlank())
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void healthIsOpenButTheVersionNeedsCredentials(BasicAuthMlflowServer server) {
		StepVerifier.create(MlflowTemplate.builder(server.uri()).build().checkHealth()).expectComplete().verify(TIMEOUT);
		MlflowTemplate admin = client(server, BasicAuthMlflowServer.ADMIN_USERNAME,
				BasicAuthMlflowServer.ADMIN_PASSWORD);
		StepVerifier.create(admin.getServerVersion()).assertNext((version) -> assertThat(version).isNotBlank())
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(MlflowTemplate.builder(server.uri()).build().getServerVersion())
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MlflowApiException.class,
					(api) -> assertThat(api.getHttpStatus()).isEqualTo(401)))
			.verify(TIMEOUT);
	}

	private static MlflowTemplate client(BasicAuthMlflowServer server, String username, String password) {
		return MlflowTemplate.builder(server.uri())
			.webClientBuilder(WebClient.builder().filter(MlflowAuthentication.basic(username, password)))
			.credentials(MlflowCredentialsDescription.basic(username, SOURCE))
			.build();
	}

}
