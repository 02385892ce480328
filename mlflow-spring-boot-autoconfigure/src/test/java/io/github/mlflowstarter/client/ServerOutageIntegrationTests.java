package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.testsupport.MlflowServer;
import org.junit.jupiter.api.Test;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real MLflow server goes away in the middle of a logging stream and comes back on the same
 * database: nothing logged meanwhile is lost or stored twice.
 */
class ServerOutageIntegrationTests {

	@Test
	void everyPointLoggedWhileTheServerIsAwayArrivesExactlyOnce() throws Exception {
		try (MlflowServer server = MlflowServer.startNew()) {
			RetryPolicy retry = new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(3),
					0.5);
			MlflowTemplate mlflow = new MlflowTemplate(WebClient.builder(), server.uri(), "outage-" + UUID.randomUUID(),
					RunSpec.named("outage"), retry, new LoggingOptions(100_000, BufferOverflow.BLOCK, retry));
			MlflowRun run = mlflow.activeRun();
			run.start().block(Duration.ofSeconds(30));

			long step = 0;
			long start = System.nanoTime();
			CompletableFuture<Void> restarted = null;
			long stoppedAt = 0;
			while (restarted == null || !restarted.isDone() || seconds(start) < 45) {
				run.logMetric(new Metric("signal", step * 0.5, 1_700_000_000_000L + step, step));
				step++;
				if (stoppedAt == 0 && seconds(start) >= 5) {
					server.stop();
					stoppedAt = System.nanoTime();
				}
				if (restarted == null && stoppedAt != 0 && seconds(stoppedAt) >= 30) {
					restarted = CompletableFuture.runAsync(server::start);
				}
				Thread.sleep(5);
			}
			restarted.get();
			run.flush().block(Duration.ofMinutes(2));

			List<Metric> history = mlflow.getMetricHistory(run.getRunId(), "signal")
				.collectList()
				.block(Duration.ofSeconds(60));
			assertThat(step).isGreaterThan(3000);
			assertThat(history).hasSize((int) step);
			for (int i = 0; i < history.size(); i++) {
				assertThat(history.get(i).step()).isEqualTo(i);
				assertThat(history.get(i).value()).isEqualTo(i * 0.5);
			}
			assertThat(mlflow.getLoggingStatistics().retries()).isPositive();
			assertThat(mlflow.getLoggingStatistics().undelivered()).isZero();
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
