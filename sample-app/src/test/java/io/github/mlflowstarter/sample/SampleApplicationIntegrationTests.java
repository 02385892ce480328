package io.github.mlflowstarter.sample;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.MlflowTemplate;
import io.github.mlflowstarter.client.model.DatasetInput;
import io.github.mlflowstarter.client.model.Experiment;
import io.github.mlflowstarter.client.model.FileInfo;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.ModelVersion;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunSearch;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.RunStatus;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The sample training job against a real MLflow server, run the way its users run it: with
 * command-line overrides of {@code application.yml}.
 */
@ExtendWith({ SharedMlflowServer.class, OutputCaptureExtension.class })
class SampleApplicationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void twoJobsLeaveTwoFinishedRunsWithParamsAndAMetricHistoryPerEpoch(MlflowServer server, CapturedOutput output) {
		String experiment = "sample-" + UUID.randomUUID();
		runJob(server, experiment);
		runJob(server, experiment);

		MlflowTemplate mlflow = MlflowTemplate.create(server.uri(), experiment, RunSpec.unnamed());
		Experiment stored = mlflow.getExperimentByName(experiment).block(TIMEOUT);
		assertThat(stored).isNotNull();
		List<Run> runs = output.getOut()
			.lines()
			.filter((line) -> line.startsWith("MLflow run id: "))
			.map((line) -> line.substring("MLflow run id: ".length()).strip())
			.map((runId) -> mlflow.getRun(runId).block(TIMEOUT))
			.toList();
		assertThat(runs).hasSize(2);
		for (Run run : runs) {
			assertThat(run.info().experimentId()).isEqualTo(stored.experimentId());
			assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
			assertThat(run.data().paramMap()).containsEntry("epochs", "12").containsEntry("learning_rate", "0.5");
			assertThat(run.data().tagMap()).containsEntry("model.family", "logistic-regression")
				.containsEntry("sample", "logistic-regression")
				.containsEntry("mlflow.source.name", "mlflow-sample-logistic-regression");
			List<Metric> history = mlflow.getMetricHistory(run.runId(), "val_loss").collectList().block(TIMEOUT);
			assertThat(history).extracting(Metric::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
			assertThat(history.get(11).value()).isLessThan(history.get(0).value());
		}
		assertThat(output.getOut()).contains("See the run in the MLflow UI: " + server.uri() + "/#/experiments/"
				+ stored.experimentId() + "/runs/" + runs.get(0).runId());
	}

	private static void runJob(MlflowServer server, String experiment) {
		ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--mlflow.tracking.host=127.0.0.1", "--mlflow.tracking.port=" + server.port(),
				"--mlflow.tracking.experiment-name=" + experiment, "--sample.epochs=12", "--sample.epoch-delay=0ms");
		assertThat(SpringApplication.exit(context)).isZero();
	}

	@Test
	void sweepLeavesAParentWithOneChildRunPerTrialEachEndedWithTheRightStatus(MlflowServer server,
			CapturedOutput output) {
		String experiment = "sweep-" + UUID.randomUUID();
		ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--mlflow.tracking.port=" + server.port(), "--mlflow.tracking.experiment-name=" + experiment,
				"--sample.epochs=15", "--sample.epoch-delay=0ms", "--sample.sweep.learning-rates=0.05,0.5,500");
		String parentId = context.getBean(MlflowOperations.class).activeRun().getRunId();
		assertThat(SpringApplication.exit(context)).isZero();

		MlflowTemplate mlflow = MlflowTemplate.create(server.uri(), experiment, RunSpec.unnamed());
		Run parent = mlflow.getRun(parentId).block(TIMEOUT);
		assertThat(parent.info().status()).isEqualTo(RunStatus.FINISHED);
		assertThat(parent.data().tagMap()).containsEntry("best.learning_rate", "0.5");
		assertThat(parent.data().latestMetricValues()).containsKey("best_val_accuracy");
		Map<String, RunStatus> children = mlflow
			.searchRuns(RunSearch.in(parent.info().experimentId())
				.withFilter("tags.mlflow.parentRunId = '" + parentId + "'"))
			.collectMap((run) -> run.info().runName(), (run) -> run.info().status())
			.block(TIMEOUT);
		assertThat(children).containsOnly(entry("lr=0.05", RunStatus.FINISHED), entry("lr=0.5", RunStatus.FINISHED),
				entry("lr=500.0", RunStatus.FAILED));
		assertThat(output.getOut()).contains("Sweep of 3 learning rates: best 0.5");
	}

	@Test
	void mlflowEnvironmentVariablesAloneSendTheRunToTheirServerAndExperiment(MlflowServer server) throws Exception {
		String experiment = "env-" + UUID.randomUUID();
		try (SampleProcess job = SampleProcess.start(
				Map.of("MLFLOW_TRACKING_URI", server.uri().toString(), "MLFLOW_EXPERIMENT_NAME", experiment),
				"--sample.epochs=12", "--sample.epoch-delay=0ms")) {
			assertThat(job.awaitExit(120)).isTrue();
			assertThat(job.exitValue()).as(job.output()).isZero();
			String runId = job.awaitRunStarted();
			MlflowTemplate mlflow = MlflowTemplate.create(server.uri(), experiment, RunSpec.unnamed());
			Experiment stored = mlflow.getExperimentByName(experiment).block(TIMEOUT);
			Run run = mlflow.getRun(runId).block(TIMEOUT);
			assertThat(run.info().experimentId()).isEqualTo(stored.experimentId());
			assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
			assertThat(mlflow.getMetricHistory(runId, "val_accuracy").count().block(TIMEOUT)).isEqualTo(12);
		}
	}

	@Test
	void modelAndReportAreRunArtifactsAndTheBetterModelTakesTheChampionAliasWithNoPythonOnPath(MlflowServer server)
			throws Exception {
		String experiment = "registry-" + UUID.randomUUID();
		String model = "sample-model-" + UUID.randomUUID();
		Map<String, String> environment = Map.of("MLFLOW_TRACKING_URI", server.uri().toString(),
				"MLFLOW_EXPERIMENT_NAME", experiment, "PATH", pathWithoutPython());
		SampleOutcome weak = runProcess(environment, "--sample.epochs=1", "--sample.learning-rate=0.001",
				"--sample.registry.model-name=" + model);
		SampleOutcome strong = runProcess(environment, "--sample.epochs=12", "--sample.registry.model-name=" + model);
		assertThat(weak.loss()).isGreaterThan(strong.loss());
		assertThat(weak.accuracy()).isLessThanOrEqualTo(strong.accuracy());

		MlflowTemplate mlflow = MlflowTemplate.create(server.uri(), experiment, RunSpec.unnamed());
		for (SampleOutcome outcome : List.of(weak, strong)) {
			assertThat(mlflow.artifacts()
				.listRecursive(outcome.runId(), null)
				.map(FileInfo::path)
				.collectList()
				.block(TIMEOUT)).contains("model/model.json", "report.md");
			assertThat(mlflow.artifacts().downloadText(outcome.runId(), "report.md").block(TIMEOUT))
				.contains("validation accuracy");
			assertThat(mlflow.getRun(outcome.runId()).block(TIMEOUT).inputs().datasetInputs())
				.extracting(DatasetInput::context)
				.containsExactlyInAnyOrder("training", "validation");
		}
		assertThat(weak.output()).contains("version 1: it now holds the alias 'champion'");
		assertThat(strong.output()).contains("version 2: it now holds the alias 'champion' (was version 1)");
		ModelVersion champion = mlflow.modelRegistry().getModelVersionByAlias(model, "champion").block(TIMEOUT);
		assertThat(champion.version()).isEqualTo("2");
		assertThat(champion.runId()).isEqualTo(strong.runId());
		assertThat(mlflow.modelRegistry().getModelVersionDownloadUri(model, "2").block(TIMEOUT)).endsWith("/model");
		assertThat(mlflow.modelRegistry().getModelVersion(model, "1").block(TIMEOUT).runId()).isEqualTo(weak.runId());
	}

	private static SampleOutcome runProcess(Map<String, String> environment, String... args) throws Exception {
		List<String> arguments = new ArrayList<>(List.of("--sample.epoch-delay=0ms"));
		arguments.addAll(List.of(args));
		try (SampleProcess job = SampleProcess.start(environment, arguments.toArray(String[]::new))) {
			assertThat(job.awaitExit(120)).isTrue();
			String output = job.output();
			assertThat(job.exitValue()).as(output).isZero();
			assertThat(output).contains("Stored the model (model/model.json) and the report (report.md)");
			Matcher scores = Pattern.compile("validation accuracy (\\d+\\.\\d+), loss (\\d+\\.\\d+)").matcher(output);
			assertThat(scores.find()).as(output).isTrue();
			return new SampleOutcome(job.awaitRunStarted(), Double.parseDouble(scores.group(1)),
					Double.parseDouble(scores.group(2)), output);
		}
	}

	private record SampleOutcome(String runId, double accuracy, double loss, String output) {
	}

	/**
	 * The PATH of this JVM without any folder that holds a Python interpreter, so the sample
	 * proves it needs none (the official Java client forks Python for artifacts).
	 */
	private static String pathWithoutPython() {
		String path = Stream.of(System.getenv("PATH").split(File.pathSeparator))
			.filter((dir) -> Stream.of("python", "python3")
				.noneMatch((name) -> Files.exists(Path.of(dir).resolve(name))))
			.collect(Collectors.joining(File.pathSeparator));
		assertThat(Stream.of(path.split(File.pathSeparator)))
			.noneMatch((dir) -> Files.isExecutable(Path.of(dir).resolve("python3")));
		return path;
	}

}
