package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.testsupport.FaultyHttpServer;
import io.github.mlflowstarter.testsupport.FaultyHttpServer.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries against faults a real server cannot be told to produce, served by a loopback stub.
 */
class FaultHandlingTests {

	private static final String EXPERIMENT = "{\"experiment\": {\"experiment_id\": \"7\", \"name\": \"e\"}}";

	private static final RetryPolicy FAST_RETRIES = new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(200),
			Duration.ofSeconds(20), 0.5);

	private final FaultyHttpServer server = FaultyHttpServer.start();

	@AfterEach
	void stop() {
		this.server.close();
	}

	private MlflowTemplate template(RetryPolicy logRetry) {
		HttpClient httpClient = HttpClient.create().responseTimeout(Duration.ofMillis(500));
		return new MlflowTemplate(WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)),
				this.server.uri(), "e", RunSpec.unnamed(), FAST_RETRIES,
				new LoggingOptions(1000, BufferOverflow.BLOCK, logRetry));
	}

	@Test
	void tooManyRequestsWaitsAtLeastAsLongAsRetryAfterSays() {
		this.server.answering(EXPERIMENT).then(Fault.tooManyRequests(2));
		StepVerifier.create(template(FAST_RETRIES).getExperiment("7").map((e) -> e.name()))
			.expectNext("e")
			.verifyComplete();
		List<FaultyHttpServer.Request> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		assertThat(Duration.ofNanos(requests.get(1).nanoTime() - requests.get(0).nanoTime()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(1900));
	}

	@Test
	void unavailableServerIsRetriedUntilItAnswers() {
		this.server.answering(EXPERIMENT).then(Fault.unavailable(), Fault.unavailable(), Fault.unavailable());
		StepVerifier.create(template(FAST_RETRIES).getExperiment("7")).expectNextCount(1).verifyComplete();
		assertThat(this.server.requests()).hasSize(4);
	}

	@Test
	void droppedConnectionIsRetried() {
		this.server.answering(EXPERIMENT).then(Fault.dropConnection());
		StepVerifier.create(template(FAST_RETRIES).getExperiment("7")).expectNextCount(1).verifyComplete();
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void slowReplyTimesOutAndIsRetried() {
		this.server.answering(EXPERIMENT).then(Fault.slow(Duration.ofSeconds(3)));
		long start = System.nanoTime();
		StepVerifier.create(template(FAST_RETRIES).getExperiment("7")).expectNextCount(1).verifyComplete();
		assertThat(this.server.requests()).hasSize(2);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void rejectedRequestIsNeverRepeated() {
		this.server.then(Fault.rejected());
		StepVerifier.create(template(FAST_RETRIES).logParam("r", "k", "v"))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MlflowApiException.class,
					(api) -> assertThat(api.getErrorCode()).isEqualTo(MlflowErrorCodes.INVALID_PARAMETER_VALUE)));
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void createRunIsNotRepeatedAfterTheServerMayHaveAppliedIt() {
		this.server.then(Fault.unavailable());
		StepVerifier.create(template(FAST_RETRIES).createRun("7", RunSpec.unnamed()))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MlflowApiException.class,
					(api) -> assertThat(api.getHttpStatus()).isEqualTo(503)));
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void loggedEntriesSurviveTransientFaultsAndArriveOnce() {
		MlflowTemplate mlflow = template(FAST_RETRIES);
		MlflowRun run = mlflow.existingRun("run-1");
		this.server.answering("{\"run\": {\"info\": {\"run_id\": \"run-1\", \"experiment_id\": \"7\"}}}");
		run.start().block(Duration.ofSeconds(10));
		this.server.answering("{}")
			.then(Fault.unavailable(), Fault.tooManyRequests(1), Fault.dropConnection(), Fault.unavailable());
		IntStream.range(0, 50).forEach((step) -> run.logMetric("m", step, step));
		StepVerifier.create(run.flush()).verifyComplete();
		long metricsSent = this.server.requests()
			.stream()
			.filter((request) -> request.uri().endsWith("/runs/log-batch"))
			.map(FaultyHttpServer.Request::body)
			.distinct()
			.mapToLong((body) -> body.split("\"key\"").length - 1)
			.sum();
		assertThat(metricsSent).isEqualTo(50);
		assertThat(mlflow.getLoggingStatistics().delivered()).isEqualTo(50);
		assertThat(mlflow.getLoggingStatistics().retries()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void entriesAreReportedUndeliveredWhenTheRetryBudgetIsSpent() {
		MlflowTemplate mlflow = template(FAST_RETRIES.withMaxElapsed(Duration.ofMillis(300)));
		this.server.answering("{\"run\": {\"info\": {\"run_id\": \"run-1\", \"experiment_id\": \"7\"}}}");
		MlflowRun run = mlflow.existingRun("run-1");
		run.start().block(Duration.ofSeconds(10));
		IntStream.range(0, 20).forEach((i) -> this.server.then(Fault.unavailable()));
		StepVerifier.create(run.logMetric("m", 1, 1))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOf(MlflowDeliveryException.class)
				.hasMessageContaining("Could not deliver metric 'm'"));
		assertThat(mlflow.getLoggingStatistics().undelivered()).isEqualTo(1);
	}

}
