package io.github.mlflowstarter.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.mlflowstarter.client.MlflowTemplate;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.RunStatus;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.mlflowstarter.client.MlflowOperations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as a long job: it survives its server going away, and a SIGTERM ends its run
 * without losing what was logged before the signal.
 */
@ExtendWith(SharedMlflowServer.class)
class SampleFaultToleranceIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final List<String> METRICS = List.of("train_loss", "train_accuracy", "val_loss", "val_accuracy");

	@Test
	void longJobSurvivesItsServerBeingStoppedFor15Seconds() throws Exception {
		try (MlflowServer server = MlflowServer.startNew()) {
			String experiment = "outage-" + UUID.randomUUID();
			CompletableFuture<String> runStarted = new CompletableFuture<>();
			SpringApplication application = new SpringApplication(SampleApplication.class);
			application.addListeners((ApplicationListener<ApplicationStartedEvent>) (event) -> runStarted
				.complete(event.getApplicationContext().getBean(MlflowOperations.class).activeRun().getRunId()));
			CompletableFuture<Integer> job = CompletableFuture.supplyAsync(() -> SpringApplication.exit(application.run(
					"--mlflow.tracking.port=" + server.port(), "--mlflow.tracking.experiment-name=" + experiment,
					"--mlflow.tracking.retry.max-interval=2s", "--sample.epochs=1500", "--sample.epoch-delay=20ms")));
			String runId = runStarted.get(2, TimeUnit.MINUTES);
			Thread.sleep(3000);
			assertThat(job).isNotDone();
			server.stop();
			Thread.sleep(15_000);
			server.start();
			assertThat(job.get(3, TimeUnit.MINUTES)).isZero();

			MlflowTemplate mlflow = MlflowTemplate.create(server.uri(), experiment, RunSpec.unnamed());
			assertThat(mlflow.getRun(runId).block(TIMEOUT).info().status()).isEqualTo(RunStatus.FINISHED);
			for (String metric : METRICS) {
				List<Long> steps = mlflow.getMetricHistory(runId, metric).map(Metric::step).collectList().block(TIMEOUT);
				assertThat(steps).as(metric).hasSize(1500).doesNotHaveDuplicates();
				assertThat(steps).as(metric).allMatch((step) -> step >= 1 && step <= 1500);
			}
		}
	}

	@Test
	void sigtermInTheMiddleOfALongJobEndsTheRunAndKeepsEveryPointLoggedBeforeIt(MlflowServer server)
			throws Exception {
		String experiment = "sigterm-" + UUID.randomUUID();
		try (SampleProcess job = SampleProcess.start(Map.of(), "--mlflow.tracking.port=" + server.port(),
				"--mlflow.tracking.experiment-name=" + experiment, "--sample.epochs=1000000",
				"--sample.epoch-delay=5ms")) {
			String runId = job.awaitRunStarted();
			Thread.sleep(5000);
			long signalled = System.nanoTime();
			job.sigterm();
			assertThat(job.awaitExit(30)).as("exited within 30 s of SIGTERM").isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(30));

			MlflowTemplate mlflow = MlflowTemplate.create(server.uri(), experiment, RunSpec.unnamed());
			Run run = mlflow.getRun(runId).block(TIMEOUT);
			assertThat(run.info().status()).isEqualTo(RunStatus.KILLED);
			assertThat(run.info().endTime()).isNotNull();
			long shortest = Long.MAX_VALUE;
			long longest = 0;
			for (String metric : METRICS) {
				List<Long> steps = mlflow.getMetricHistory(runId, metric)
					.map(Metric::step)
					.sort()
					.collectList()
					.block(TIMEOUT);
				for (int i = 0; i < steps.size(); i++) {
					assertThat(steps.get(i)).as("step %d of %s", i + 1, metric).isEqualTo(i + 1);
				}
				shortest = Math.min(shortest, steps.size());
				longest = Math.max(longest, steps.size());
			}
			assertThat(shortest).isGreaterThan(100);
			assertThat(longest - shortest).isLessThanOrEqualTo(1);
			assertThat(job.output()).contains("ended KILLED");
		}
	}

}
