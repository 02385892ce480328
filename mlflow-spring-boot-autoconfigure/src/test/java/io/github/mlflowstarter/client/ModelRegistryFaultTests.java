package io.github.mlflowstarter.client;

import java.time.Duration;

import io.github.mlflowstarter.client.model.ModelVersionStatus;
import io.github.mlflowstarter.client.model.ModelVersionSpec;
import io.github.mlflowstarter.testsupport.FaultyHttpServer;
import io.github.mlflowstarter.testsupport.FaultyHttpServer.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model registry against answers a real MLflow server cannot be told to give: a version that
 * stays pending or fails registration (the open-source server registers synchronously, so its
 * versions are READY at once), and a lost answer to a delete. Served by a loopback stub.
 */
class ModelRegistryFaultTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final RetryPolicy FAST_RETRIES = new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(200),
			Duration.ofSeconds(10), 0.5);

	private static final String NOT_FOUND = "{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\","
			+ " \"message\": \"Registered Model with name=churn not found\"}";

	private final FaultyHttpServer server = FaultyHttpServer.start();

	private final MlflowModelRegistry registry = registry();

	@AfterEach
	void stop() {
		this.server.close();
	}

	private MlflowModelRegistry registry() {
		HttpClient httpClient = HttpClient.create().responseTimeout(Duration.ofMillis(500));
		WebClient webClient = WebClient.builder()
			.baseUrl(this.server.uri().toString())
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.build();
		RestCalls rest = new RestCalls(webClient, this.server.uri(), FAST_RETRIES, MlflowCallObserver.NONE);
		return new MlflowModelRegistryTemplate(rest,
				(runId) -> Mono.error(new AssertionError("no run is read in these tests")), Duration.ofMillis(50));
	}

	private static String version(ModelVersionStatus status, String statusMessage) {
		return "{\"model_version\": {\"name\": \"churn\", \"version\": \"3\", \"status\": \"" + status
				+ "\", \"status_message\": \"" + statusMessage + "\", \"source\": \"s3://bucket/churn\"}}";
	}

	private static Fault answer(ModelVersionStatus status, String statusMessage) {
		return Fault.status(200, "application/json", version(status, statusMessage));
	}

	@Test
	void awaitReadyReadsTheVersionAgainUntilItIsReady() {
		this.server.then(answer(ModelVersionStatus.PENDING_REGISTRATION, "copying files"),
				answer(ModelVersionStatus.PENDING_REGISTRATION, "copying files"),
				answer(ModelVersionStatus.READY, ""));
		StepVerifier.create(this.registry.awaitReady("churn", "3", TIMEOUT))
			.assertNext((version) -> assertThat(version.isReady()).isTrue())
			.verifyComplete();
		assertThat(this.server.requests()).hasSize(3)
			.allSatisfy((request) -> assertThat(request.uri())
				.isEqualTo("/api/2.0/mlflow/model-versions/get?name=churn&version=3"));
	}

	@Test
	void awaitReadyFailsWithTheStatusMessageWhenRegistrationFailed() {
		this.server.then(answer(ModelVersionStatus.PENDING_REGISTRATION, "copying files"),
				answer(ModelVersionStatus.FAILED_REGISTRATION, "source s3://bucket/churn is not readable"));
		StepVerifier.create(this.registry.awaitReady("churn", "3", TIMEOUT))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(MlflowException.class)
				.hasMessage("Registration of version 3 of model 'churn' failed: source s3://bucket/churn is not"
						+ " readable. Check its source 's3://bucket/churn', then register a new version"))
			.verify(TIMEOUT);
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void awaitReadyFailsAfterTheTimeoutNamingTheLastStatus() {
		this.server.answering(version(ModelVersionStatus.PENDING_REGISTRATION, "copying files"));
		long start = System.nanoTime();
		StepVerifier.create(this.registry.awaitReady("churn", "3", Duration.ofMillis(600)))
			.expectErrorSatisfies((error) -> assertThat(error).isExactlyInstanceOf(MlflowException.class)
				.hasMessage("Version 3 of model 'churn' was not ready within PT0.6S: its status is still"
						+ " PENDING_REGISTRATION (copying files). Wait longer, or check the MLflow server's log"))
			.verify(TIMEOUT);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.server.requests()).hasSizeGreaterThan(2);
	}

	@Test
	void deleteWhoseAnswerWasLostCountsAsDoneWhenTheRetryFindsNothing() {
		this.server.then(Fault.dropConnection(), Fault.status(404, "application/json", NOT_FOUND));
		StepVerifier.create(this.registry.deleteRegisteredModel("churn")).verifyComplete();
		assertThat(this.server.requests()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.method()).isEqualTo("DELETE"));
		assertThat(this.server.requests().get(0).body()).isEqualTo("{\"name\":\"churn\"}");
	}

	@Test
	void deleteOfAModelThatNeverExistedFails() {
		this.server.then(Fault.status(404, "application/json", NOT_FOUND));
		StepVerifier.create(this.registry.deleteModelVersion("churn", "3"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MlflowApiException.class,
					(api) -> assertThat(api.getErrorCode()).isEqualTo(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST)))
			.verify(TIMEOUT);
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void createModelVersionIsNotSentAgainAfterALostAnswer() {
		this.server.then(Fault.dropConnection());
		StepVerifier.create(this.registry.createModelVersion("churn", ModelVersionSpec.source("s3://bucket/churn")))
			.expectError(MlflowUnreachableException.class)
			.verify(TIMEOUT);
		assertThat(this.server.requests()).hasSize(1);
	}

}
