package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.github.mlflowstarter.client.model.Dataset;
import io.github.mlflowstarter.client.model.DatasetInput;
import io.github.mlflowstarter.client.model.DatasetSummary;
import io.github.mlflowstarter.client.model.Experiment;
import io.github.mlflowstarter.client.model.ExperimentSearch;
import io.github.mlflowstarter.client.model.LifecycleStage;
import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.LoggedModel;
import io.github.mlflowstarter.client.model.LoggedModelSpec;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.MetricWithRunId;
import io.github.mlflowstarter.client.model.ModelOutput;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunSearch;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.ViewType;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import static io.github.mlflowstarter.testsupport.ServerVersionAssumptions.assumeServerAtLeast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Renaming, deleting and restoring experiments and runs, experiment and run tags, dataset inputs
 * and metric histories, against a real MLflow server.
 */
@ExtendWith(SharedMlflowServer.class)
class TrackingLifecycleIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private MlflowTemplate mlflow;

	private String experimentName;

	private String experimentId;

	@BeforeEach
	void setUp(MlflowServer server) {
		this.experimentName = "lifecycle-it-" + UUID.randomUUID();
		this.mlflow = MlflowTemplate.create(server.uri(), this.experimentName, RunSpec.named("active"));
		this.experimentId = this.mlflow.createExperiment(this.experimentName).block(TIMEOUT);
	}

	@Test
	void renameExperimentChangesTheNameFoundByName() {
		String newName = this.experimentName + "-renamed";
		StepVerifier.create(this.mlflow.renameExperiment(this.experimentId, newName)).verifyComplete();
		StepVerifier.create(this.mlflow.getExperiment(this.experimentId).map(Experiment::name))
			.expectNext(newName)
			.verifyComplete();
		StepVerifier.create(this.mlflow.getExperimentByName(this.experimentName)).verifyComplete();
	}

	@Test
	void renameExperimentToATakenNameFailsNamingTheHolderInsteadOfTheServersSqlError() {
		String other = this.mlflow.createExperiment(this.experimentName + "-other").block(TIMEOUT);
		StepVerifier.create(this.mlflow.renameExperiment(other, this.experimentName))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOf(MlflowException.class)
				.hasMessageContaining("experiment " + this.experimentId + " already has that name")
				.hasMessageNotContaining("SQL"));
		StepVerifier.create(this.mlflow.getExperiment(other).map(Experiment::name))
			.expectNext(this.experimentName + "-other")
			.verifyComplete();
	}

	@Test
	void deleteExperimentHidesItAndItsRunsAndRestoreBringsThemBack() {
		Run run = this.mlflow.createRun(this.experimentId, RunSpec.named("inside")).block(TIMEOUT);
		StepVerifier.create(this.mlflow.deleteExperiment(this.experimentId)).verifyComplete();
		StepVerifier.create(this.mlflow.getExperiment(this.experimentId).map(Experiment::lifecycleStage))
			.expectNext(LifecycleStage.DELETED)
			.verifyComplete();
		StepVerifier.create(this.mlflow.getRun(run.runId()).map((found) -> found.info().lifecycleStage()))
			.expectNext(LifecycleStage.DELETED)
			.verifyComplete();
		StepVerifier
			.create(this.mlflow.searchExperiments(ExperimentSearch.filter("name = '" + this.experimentName + "'")))
			.verifyComplete();

		StepVerifier.create(this.mlflow.restoreExperiment(this.experimentId)).verifyComplete();
		StepVerifier.create(this.mlflow.getExperiment(this.experimentId).map(Experiment::isActive))
			.expectNext(true)
			.verifyComplete();
		StepVerifier.create(this.mlflow.getRun(run.runId()).map((found) -> found.info().lifecycleStage()))
			.expectNext(LifecycleStage.ACTIVE)
			.verifyComplete();
	}

	@Test
	void deletingOrRestoringTwiceCompletesAsTheSecondRunDeleteDoes() {
		// The server answers RESOURCE_DOES_NOT_EXIST to the second call; a retried delete whose first
		// answer was lost would see the same, so the client treats "already there" as done.
		StepVerifier.create(this.mlflow.deleteExperiment(this.experimentId)).verifyComplete();
		StepVerifier.create(this.mlflow.deleteExperiment(this.experimentId)).verifyComplete();
		StepVerifier.create(this.mlflow.restoreExperiment(this.experimentId)).verifyComplete();
		StepVerifier.create(this.mlflow.restoreExperiment(this.experimentId)).verifyComplete();
	}

	@Test
	void deletingAnExperimentThatDoesNotExistFailsWithResourceDoesNotExist() {
		StepVerifier.create(this.mlflow.deleteExperiment("987654321"))
			.verifyErrorSatisfies((error) -> assertThat(((MlflowApiException) error).getErrorCode())
				.isEqualTo(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST));
	}

	@Test
	void setExperimentTagUpsertsAndDeleteExperimentTagRemoves(MlflowServer server) {
		StepVerifier.create(this.mlflow.setExperimentTag(this.experimentId, "owner", "ana")).verifyComplete();
		StepVerifier.create(this.mlflow.setExperimentTag(this.experimentId, "owner", "bo")).verifyComplete();
		StepVerifier.create(this.mlflow.getExperiment(this.experimentId).map(Experiment::tagMap))
			.assertNext((tags) -> assertThat(tags).containsEntry("owner", "bo"))
			.verifyComplete();
		assumeServerAtLeast(server, "3.0", "experiments/delete-experiment-tag (MLflow 2.x answers 404)");
		StepVerifier.create(this.mlflow.deleteExperimentTag(this.experimentId, "owner")).verifyComplete();
		StepVerifier.create(this.mlflow.getExperiment(this.experimentId).map(Experiment::tagMap))
			.assertNext((tags) -> assertThat(tags).doesNotContainKey("owner"))
			.verifyComplete();
		StepVerifier.create(this.mlflow.deleteExperimentTag(this.experimentId, "owner"))
			.verifyErrorSatisfies((error) -> assertThat(((MlflowApiException) error).getErrorCode())
				.isEqualTo(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST));
	}

	@Test
	void deleteRunHidesItFromSearchAndRestoreRunBringsItBack() {
		Run run = this.mlflow.createRun(this.experimentId, RunSpec.named("doomed")).block(TIMEOUT);
		StepVerifier.create(this.mlflow.deleteRun(run.runId())).verifyComplete();
		StepVerifier.create(this.mlflow.deleteRun(run.runId())).verifyComplete();
		StepVerifier.create(this.mlflow.searchRuns(RunSearch.in(this.experimentId))).verifyComplete();
		StepVerifier
			.create(this.mlflow.searchRuns(RunSearch.in(this.experimentId).withViewType(ViewType.DELETED_ONLY))
				.map(Run::runId))
			.expectNext(run.runId())
			.verifyComplete();
		StepVerifier.create(this.mlflow.restoreRun(run.runId())).verifyComplete();
		StepVerifier.create(this.mlflow.searchRuns(RunSearch.in(this.experimentId)).map(Run::runId))
			.expectNext(run.runId())
			.verifyComplete();
	}

	@Test
	void renameRunChangesTheNameAndTheRunNameTag() {
		Run run = this.mlflow.createRun(this.experimentId, RunSpec.named("before")).block(TIMEOUT);
		StepVerifier.create(this.mlflow.renameRun(run.runId(), "after").map((info) -> info.runName()))
			.expectNext("after")
			.verifyComplete();
		StepVerifier.create(this.mlflow.getRun(run.runId()))
			.assertNext((found) -> assertThat(found.data().tagMap()).containsEntry(SystemTags.RUN_NAME, "after"))
			.verifyComplete();
	}

	@Test
	void deleteTagRemovesARunTagAndFailsForAMissingOne() {
		Run run = this.mlflow.createRun(this.experimentId, RunSpec.named("tagged")).block(TIMEOUT);
		this.mlflow.setTag(run.runId(), "stage", "draft").block(TIMEOUT);
		StepVerifier.create(this.mlflow.deleteTag(run.runId(), "stage")).verifyComplete();
		StepVerifier.create(this.mlflow.getRun(run.runId()))
			.assertNext((found) -> assertThat(found.data().tagMap()).doesNotContainKey("stage"))
			.verifyComplete();
		StepVerifier.create(this.mlflow.deleteTag(run.runId(), "stage"))
			.verifyErrorSatisfies((error) -> assertThat(((MlflowApiException) error).getErrorCode())
				.isEqualTo(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST));
	}

	@Test
	void logInputsRecordsDatasetsWithTheirContextOncePerNameAndDigest() {
		Run run = this.mlflow.createRun(this.experimentId, RunSpec.named("trained")).block(TIMEOUT);
		Dataset train = Dataset.of("iris-train", "3f2a9c1b", "local", "{\"uri\": \"/data/train.csv\"}")
			.withSchema("{\"mlflow_colspec\": [{\"type\": \"double\", \"name\": \"x\"}]}");
		Dataset validation = Dataset.of("iris-val", "77aa01de", "local", "{\"uri\": \"/data/val.csv\"}");
		List<DatasetInput> inputs = List.of(DatasetInput.of(train, "training"), DatasetInput.of(validation, "eval"));
		StepVerifier.create(this.mlflow.logInputs(run.runId(), inputs)).verifyComplete();
		StepVerifier.create(this.mlflow.logInputs(run.runId(), inputs.subList(0, 1))).verifyComplete();
		StepVerifier.create(this.mlflow.getRun(run.runId())).assertNext((found) -> {
			assertThat(found.inputs().datasetInputs()).hasSize(2);
			assertThat(found.inputs().datasetInputs()).extracting(DatasetInput::dataset).containsExactlyInAnyOrder(train,
					validation);
			assertThat(found.inputs().datasetInputs()).extracting(DatasetInput::context)
				.containsExactlyInAnyOrder("training", "eval");
		}).verifyComplete();
	}

	@Test
	void getMetricHistoryReadsThirtyThousandPointsBackCompletelyAndInOrder() {
		Run run = this.mlflow.createRun(this.experimentId, RunSpec.named("long")).block(TIMEOUT);
		long start = System.currentTimeMillis();
		int points = 30_000;
		List<Metric> metrics = IntStream.range(0, points)
			.mapToObj((step) -> new Metric("loss", 1.0 / (step + 1), start + step, step))
			.toList();
		this.mlflow.logBatch(run.runId(), new LogBatch(metrics, List.of(), List.of())).block(Duration.ofMinutes(3));
		List<Metric> history = this.mlflow.getMetricHistory(run.runId(), "loss")
			.collectList()
			.block(Duration.ofMinutes(2));
		assertThat(history).hasSize(points);
		assertThat(history).extracting(Metric::step)
			.containsExactlyElementsOf(IntStream.range(0, points).mapToObj(Long::valueOf).toList());
		assertThat(history).extracting(Metric::value).containsExactlyElementsOf(metrics.stream().map(Metric::value).toList());
	}

	@Test
	void getMetricHistoryBulkIntervalSamplesEachRunAndKeepsItsSteps() {
		Run first = this.mlflow.createRun(this.experimentId, RunSpec.named("a")).block(TIMEOUT);
		Run second = this.mlflow.createRun(this.experimentId, RunSpec.named("b")).block(TIMEOUT);
		for (Run run : List.of(first, second)) {
			List<Metric> metrics = IntStream.range(0, 100).mapToObj((step) -> Metric.of("acc", step / 100.0, step)).toList();
			this.mlflow.logBatch(run.runId(), new LogBatch(metrics, List.of(), List.of())).block(TIMEOUT);
		}
		List<MetricWithRunId> sampled = this.mlflow
			.getMetricHistoryBulkInterval(List.of(first.runId(), second.runId()), "acc", 10)
			.collectList()
			.block(TIMEOUT);
		assertThat(sampled).extracting(MetricWithRunId::runId).containsOnly(first.runId(), second.runId());
		for (Run run : List.of(first, second)) {
			List<Long> steps = sampled.stream().filter((point) -> point.runId().equals(run.runId())).map(MetricWithRunId::step).toList();
			assertThat(steps).hasSizeBetween(2, 11).contains(0L, 99L).isSorted();
		}
		List<MetricWithRunId> window = this.mlflow
			.getMetricHistoryBulkInterval(List.of(first.runId()), "acc", 20, 29, 2500)
			.collectList()
			.block(TIMEOUT);
		assertThat(window).extracting(MetricWithRunId::step)
			.containsExactlyElementsOf(IntStream.rangeClosed(20, 29).mapToObj(Long::valueOf).toList());
	}

	@Test
	void getMetricHistoryBulkIntervalRefusesArgumentsOutsideTheServerLimitsAtTheCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.mlflow.getMetricHistoryBulkInterval(List.of(), "acc", 10).blockFirst())
			.withMessageContaining("1 to 100");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.mlflow.getMetricHistoryBulkInterval(List.of("r"), "acc", 2501).blockFirst())
			.withMessageContaining("2500");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.mlflow.getMetricHistoryBulkInterval(List.of("r"), "acc", 9, 3, 10).blockFirst())
			.withMessageContaining("endStep");
	}

	@Test
	void logOutputsLinksALoggedModelToTheRunThatProducedIt(MlflowServer server) {
		assumeServerAtLeast(server, "3.0", "logged models");
		Run run = this.mlflow.createRun(this.experimentId, RunSpec.named("producer")).block(TIMEOUT);
		LoggedModel model = this.mlflow.loggedModels()
			.createLoggedModelForRun(run.runId(), LoggedModelSpec.named("checkpoint"))
			.block(TIMEOUT);
		StepVerifier.create(this.mlflow.logOutputs(run.runId(), List.of(new ModelOutput(model.modelId(), 7))))
			.verifyComplete();
		StepVerifier.create(this.mlflow.getRun(run.runId()).map((found) -> found.outputs().modelOutputs()))
			.expectNext(List.of(new ModelOutput(model.modelId(), 7)))
			.verifyComplete();
	}

	@Test
	void logModelAppendsToTheRunsModelHistoryTag() {
		Run run = this.mlflow.createRun(this.experimentId, RunSpec.named("legacy")).block(TIMEOUT);
		String mlModel = "{\"artifact_path\": \"model\", \"flavors\": {\"java\": {}},"
				+ " \"utc_time_created\": \"2026-12-04 10:00:00.000000\", \"run_id\": \"" + run.runId() + "\"}";
		StepVerifier.create(this.mlflow.logModel(run.runId(), mlModel)).verifyComplete();
		StepVerifier.create(this.mlflow.getRun(run.runId()).map((found) -> found.data().tagMap()))
			.assertNext((tags) -> assertThat(tags.get("mlflow.log-model.history")).contains("\"artifact_path\": \"model\"")
				.contains(run.runId()))
			.verifyComplete();
	}

	@Test
	void searchDatasetsSummarisesTheDatasetsOfAnExperimentsRuns() {
		Run run = this.mlflow.createRun(this.experimentId, RunSpec.named("trained")).block(TIMEOUT);
		Dataset train = Dataset.of("wine-train", "0badf00d", "local", "{}");
		this.mlflow.logInputs(run.runId(), List.of(DatasetInput.of(train, "training"))).block(TIMEOUT);
		StepVerifier.create(this.mlflow.searchDatasets(List.of(this.experimentId)))
			.expectNext(new DatasetSummary(this.experimentId, "wine-train", "0badf00d", "training"))
			.verifyComplete();
	}

	@Test
	void serverVersionAndHealthComeFromTheRealServer() {
		StepVerifier.create(this.mlflow.getServerVersion())
			.assertNext((version) -> assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*"))
			.verifyComplete();
		StepVerifier.create(this.mlflow.checkHealth()).verifyComplete();
	}

}
