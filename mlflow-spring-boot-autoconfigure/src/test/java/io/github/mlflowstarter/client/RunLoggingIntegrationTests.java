package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.RunStatus;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Logging through a run handle against a real MLflow server: calls return at once, everything
 * arrives in order, bad entries are refused at the call or isolated, and ending the run flushes.
 */
@ExtendWith(SharedMlflowServer.class)
class RunLoggingIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private MlflowTemplate mlflow;

	private MlflowRun run;

	@BeforeEach
	void setUp(MlflowServer server) {
		this.mlflow = MlflowTemplate.create(server.uri(), "logging-" + UUID.randomUUID(), RunSpec.named("logging"));
		this.run = this.mlflow.activeRun();
	}

	@Test
	void pointsLoggedWithoutSubscribingAreAllStoredInOrderAfterFlush() {
		this.run.start().block(TIMEOUT);
		for (int step = 0; step < 5000; step++) {
			this.run.logMetric("loss", 1.0 / (step + 1), step);
		}
		this.run.logParam("optimizer", "sgd");
		this.run.setTag("phase", "train");
		StepVerifier.create(this.run.flush()).verifyComplete();
		List<Metric> history = this.mlflow.getMetricHistory(this.run.getRunId(), "loss").collectList().block(TIMEOUT);
		assertThat(history).extracting(Metric::step)
			.containsExactlyElementsOf(IntStream.range(0, 5000).mapToObj(Long::valueOf).toList());
		assertThat(history.get(4999).value()).isEqualTo(1.0 / 5000);
		Run stored = this.run.fetch().block(TIMEOUT);
		assertThat(stored.data().paramMap()).containsEntry("optimizer", "sgd");
		assertThat(stored.data().tagMap()).containsEntry("phase", "train");
		LoggingStatistics statistics = this.mlflow.getLoggingStatistics();
		assertThat(statistics.delivered()).isGreaterThanOrEqualTo(5002);
		assertThat(statistics.batches()).isLessThan(5002).isGreaterThanOrEqualTo(5);
		assertThat(statistics.pending()).isZero();
	}

	@Test
	void theMonoOfALogCallCompletesWhenTheEntryIsStored() {
		StepVerifier.create(this.run.logMetric("accuracy", 0.9, 1)).verifyComplete();
		assertThat(this.mlflow.getMetricHistory(this.run.getRunId(), "accuracy").count().block(TIMEOUT)).isOne();
	}

	@Test
	void invalidKeysAndValuesAreRefusedAtTheCallWithTheLimit() {
		assertThatExceptionOfType(MlflowValidationException.class).isThrownBy(() -> this.run.logMetric("bad?key", 1))
			.withMessageContaining("'?'")
			.withMessageContaining("letters, digits");
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> this.run.logParam("notes", "x".repeat(6001)))
			.withMessageContaining("6001")
			.withMessageContaining("6000");
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> this.run.setTag("k".repeat(251), "v"))
			.withMessageContaining("250");
		assertThatExceptionOfType(MlflowValidationException.class).isThrownBy(() -> this.run.logMetric("../up", 1))
			.withMessageContaining("normalized path");
		assertThat(this.run.getPendingEntries()).isZero();
	}

	@Test
	void changingAParamIsRefusedAtTheCall() {
		this.run.logParam("lr", "0.1");
		this.run.logParam("lr", "0.1");
		assertThatExceptionOfType(MlflowValidationException.class).isThrownBy(() -> this.run.logParam("lr", "0.2"))
			.withMessageContaining("write-once");
		this.run.flush().block(TIMEOUT);
		assertThat(this.run.fetch().block(TIMEOUT).data().paramMap()).containsEntry("lr", "0.1");
	}

	@Test
	void anEntryTheServerRejectsIsIsolatedAndTheRestOfItsBatchIsStored() {
		String runId = this.run.runId().block(TIMEOUT);
		// Another client already set this param; our value conflicts, which only the server knows.
		this.mlflow.logParam(runId, "seed", "1").block(TIMEOUT);
		LogBatch.Builder batch = LogBatch.builder().param("seed", "2").param("batch_size", "32");
		IntStream.range(0, 300).forEach((step) -> batch.metric("loss", step, step));
		Mono<Void> delivery = this.run.logBatch(batch.build());
		StepVerifier.create(delivery)
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOf(MlflowDeliveryException.class)
				.hasMessageContaining("param 'seed'"));
		StepVerifier.create(this.run.flush())
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MlflowDeliveryException.class,
					(flushError) -> assertThat(flushError.getFailedEntries()).isEqualTo(1)));
		StepVerifier.create(this.run.flush()).verifyComplete();
		Run stored = this.run.fetch().block(TIMEOUT);
		assertThat(stored.data().paramMap()).containsEntry("seed", "1").containsEntry("batch_size", "32");
		assertThat(this.mlflow.getMetricHistory(runId, "loss").count().block(TIMEOUT)).isEqualTo(300);
		assertThat(this.mlflow.getLoggingStatistics().rejected()).isEqualTo(1);
	}

	@Test
	void endingTheRunDeliversWhatIsPendingFirstAndRefusesLaterLogging() {
		this.run.start().block(TIMEOUT);
		IntStream.range(0, 2000).forEach((step) -> this.run.logMetric("m", step, step));
		StepVerifier.create(this.run.end(RunStatus.FINISHED).map((info) -> info.status()))
			.expectNext(RunStatus.FINISHED)
			.verifyComplete();
		assertThat(this.mlflow.getMetricHistory(this.run.getRunId(), "m").count().block(TIMEOUT)).isEqualTo(2000);
		assertThatExceptionOfType(MlflowException.class).isThrownBy(() -> this.run.logMetric("m", 1, 2001))
			.withMessageContaining("ended");
	}

	@Test
	void fullBufferFailsTheCallWhenAskedToAndKeepsWhatWasBuffered(MlflowServer server) {
		MlflowTemplate small = new MlflowTemplate(org.springframework.web.reactive.function.client.WebClient.builder(),
				server.uri(), "small-buffer-" + UUID.randomUUID(), RunSpec.unnamed(), RetryPolicy.defaults(),
				new LoggingOptions(10, BufferOverflow.FAIL, RetryPolicy.defaults()));
		MlflowRun smallRun = small.activeRun();
		int accepted = 0;
		boolean refused = false;
		for (int step = 0; step < 10_000 && !refused; step++) {
			try {
				smallRun.logMetric("m", step, step);
				accepted++;
			}
			catch (MlflowBufferFullException ex) {
				assertThat(ex).hasMessageContaining("buffer-capacity");
				refused = true;
			}
		}
		assertThat(refused).isTrue();
		smallRun.flush().block(TIMEOUT);
		assertThat(small.getMetricHistory(smallRun.getRunId(), "m").count().block(TIMEOUT)).isEqualTo(accepted);
	}

}
