package io.github.mlflowstarter.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.MlflowTemplate;
import io.github.mlflowstarter.client.MlflowUnreachableException;
import io.github.mlflowstarter.client.SystemTags;
import io.github.mlflowstarter.client.model.Experiment;
import io.github.mlflowstarter.client.model.ExperimentSearch;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.RunStatus;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run lifecycle of a Spring Boot application against a real MLflow server: experiment and
 * run on startup, {@code FINISHED} on close, {@code FAILED} on failure, and a clear failure when
 * no server answers.
 */
@ExtendWith({ SharedMlflowServer.class, OutputCaptureExtension.class })
class MlflowRunLifecycleIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private MlflowServer server;

	private MlflowTemplate verifier;

	private String experimentName;

	@BeforeEach
	void setUp(MlflowServer server) {
		this.server = server;
		this.verifier = MlflowTemplate.create(server.uri(), "unused", RunSpec.unnamed());
		this.experimentName = "lifecycle-" + UUID.randomUUID();
	}

	@Test
	void startupCreatesTheExperimentAndOpensARunThatIsFinishedOnClose() {
		String runId;
		try (ConfigurableApplicationContext context = start()) {
			MlflowOperations mlflow = context.getBean(MlflowOperations.class);
			runId = mlflow.activeRun().getRunId();
			assertThat(runId).isNotNull();
			mlflow.activeRun().logMetric("loss", 0.1, 1).block(TIMEOUT);
			Run running = this.verifier.getRun(runId).block(TIMEOUT);
			assertThat(running.info().status()).isEqualTo(RunStatus.RUNNING);
			assertThat(running.data().tagMap()).containsEntry(SystemTags.SOURCE_NAME, "lifecycle-test")
				.containsEntry(SystemTags.SOURCE_TYPE, "LOCAL")
				.containsKey(SystemTags.USER);
		}
		Run finished = this.verifier.getRun(runId).block(TIMEOUT);
		assertThat(finished.info().status()).isEqualTo(RunStatus.FINISHED);
		assertThat(finished.info().endTime()).isNotNull();
		Experiment experiment = this.verifier.getExperimentByName(this.experimentName).block(TIMEOUT);
		assertThat(finished.info().experimentId()).isEqualTo(experiment.experimentId());
	}

	@Test
	void secondStartReusesTheExperiment() {
		String firstRun;
		String secondRun;
		try (ConfigurableApplicationContext context = start()) {
			firstRun = context.getBean(MlflowOperations.class).activeRun().getRunId();
		}
		try (ConfigurableApplicationContext context = start()) {
			secondRun = context.getBean(MlflowOperations.class).activeRun().getRunId();
		}
		assertThat(secondRun).isNotEqualTo(firstRun);
		List<Experiment> experiments = this.verifier
			.searchExperiments(ExperimentSearch.filter("name = '" + this.experimentName + "'"))
			.collectList()
			.block(TIMEOUT);
		assertThat(experiments).hasSize(1);
		String experimentId = experiments.get(0).experimentId();
		assertThat(this.verifier.getRun(firstRun).block(TIMEOUT).info().experimentId()).isEqualTo(experimentId);
		assertThat(this.verifier.getRun(secondRun).block(TIMEOUT).info().experimentId()).isEqualTo(experimentId);
	}

	@Test
	void applicationFailureEndsTheRunFailed() {
		FailingRunner.runId = null;
		assertThatThrownBy(() -> new SpringApplicationBuilder(TestApplication.class, FailingRunner.class)
			.web(WebApplicationType.NONE)
			.run(arguments())).hasStackTraceContaining("training diverged");
		assertThat(FailingRunner.runId).isNotNull();
		assertThat(this.verifier.getRun(FailingRunner.runId).block(TIMEOUT).info().status())
			.isEqualTo(RunStatus.FAILED);
	}

	@Test
	void noServerFailsStartupWithTheAddressAndTheFix(CapturedOutput output) {
		int port = MlflowServer.freePort();
		long started = System.nanoTime();
		assertThatThrownBy(() -> new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.run("--mlflow.tracking.port=" + port, "--mlflow.tracking.experiment-name=" + this.experimentName))
			.hasRootCauseInstanceOf(java.net.ConnectException.class)
			.cause()
			.isInstanceOf(MlflowStartupException.class)
			.hasMessageContaining("http://127.0.0.1:" + port)
			.cause()
			.isInstanceOf(MlflowUnreachableException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(25));
		assertThat(output).contains("http://127.0.0.1:" + port)
			.contains("mlflow.tracking.fail-fast=false")
			.contains("mlflow server");
	}

	@Test
	void withoutFailFastTheApplicationStartsAndOpensTheRunOnFirstUse() {
		MlflowServer late = MlflowServer.startNew();
		try {
			late.stop();
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
				.web(WebApplicationType.NONE)
				.run("--mlflow.tracking.port=" + late.port(), "--mlflow.tracking.fail-fast=false",
						"--mlflow.tracking.startup-timeout=2s", "--mlflow.tracking.retry.max-interval=1s",
						"--mlflow.tracking.experiment-name=" + this.experimentName)) {
				MlflowOperations mlflow = context.getBean(MlflowOperations.class);
				assertThat(mlflow.activeRun().isStarted()).isFalse();
				late.start();
				mlflow.activeRun().logParam("late", "yes").block(TIMEOUT);
				assertThat(mlflow.activeRun().isStarted()).isTrue();
			}
		}
		finally {
			late.close();
		}
	}

	@Test
	void runIdPropertyResumesThatRunAndEndsIt() {
		String experimentId = this.verifier.getOrCreateExperiment(this.experimentName).block(TIMEOUT);
		String existing = this.verifier.createRun(experimentId, RunSpec.named("resumed")).block(TIMEOUT).runId();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.run("--mlflow.tracking.port=" + this.server.port(), "--mlflow.tracking.run.id=" + existing)) {
			MlflowOperations mlflow = context.getBean(MlflowOperations.class);
			assertThat(mlflow.activeRun().getRunId()).isEqualTo(existing);
			mlflow.activeRun().logMetric("resumed", 1.0, 1);
		}
		Run run = this.verifier.getRun(existing).block(TIMEOUT);
		assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
		assertThat(run.data().latestMetricValues()).containsEntry("resumed", 1.0);
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE).run(arguments());
	}

	private String[] arguments() {
		return new String[] { "--mlflow.tracking.port=" + this.server.port(),
				"--mlflow.tracking.experiment-name=" + this.experimentName, "--spring.application.name=lifecycle-test" };
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingRunner {

		static volatile String runId;

		@Bean
		ApplicationRunner failingRunner(MlflowOperations mlflow) {
			return (args) -> {
				runId = mlflow.activeRun().getRunId();
				throw new IllegalStateException("training diverged");
			};
		}

	}

}
