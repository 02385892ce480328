package io.github.mlflowstarter.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.mlflowstarter.client.model.Experiment;
import io.github.mlflowstarter.client.model.ExperimentSearch;
import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.RunStatus;
import io.github.mlflowstarter.client.model.ViewType;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.ServerVersionAssumptions;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MlflowTemplate} against a real MLflow server.
 */
@ExtendWith(SharedMlflowServer.class)
class MlflowTemplateIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private MlflowTemplate mlflow;

	private String experimentName;

	@BeforeEach
	void setUp(MlflowServer server) {
		this.experimentName = "template-it-" + UUID.randomUUID();
		this.mlflow = MlflowTemplate.create(server.uri(), this.experimentName, RunSpec.named("active"));
	}

	@Test
	void createdExperimentCanBeReadByIdAndByName() {
		String id = this.mlflow.createExperiment(this.experimentName, null, Map.of("team", "search")).block(TIMEOUT);
		StepVerifier.create(this.mlflow.getExperiment(id)).assertNext((experiment) -> {
			assertThat(experiment.name()).isEqualTo(this.experimentName);
			assertThat(experiment.isActive()).isTrue();
			assertThat(experiment.tagMap()).containsEntry("team", "search");
			assertThat(experiment.artifactLocation()).isNotBlank();
		}).verifyComplete();
		StepVerifier.create(this.mlflow.getExperimentByName(this.experimentName).map(Experiment::experimentId))
			.expectNext(id)
			.verifyComplete();
	}

	@Test
	void experimentByNameIsEmptyWhenAbsent() {
		StepVerifier.create(this.mlflow.getExperimentByName("no-such-experiment-" + UUID.randomUUID()))
			.verifyComplete();
	}

	@Test
	void unknownExperimentIdIsAnErrorWithMlflowsCode() {
		StepVerifier.create(this.mlflow.getExperiment("987654321")).verifyErrorSatisfies((error) -> {
			assertThat(error).isInstanceOf(MlflowApiException.class);
			MlflowApiException api = (MlflowApiException) error;
			assertThat(api.getErrorCode()).isEqualTo(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST);
			assertThat(api.getHttpStatus()).isEqualTo(404);
			assertThat(api.getServerMessage()).contains("987654321");
			assertThat(api.getMessage()).contains("GET /api/2.0/mlflow/experiments/get");
		});
	}

	@Test
	void creatingADuplicateExperimentFailsWithResourceAlreadyExists() {
		this.mlflow.createExperiment(this.experimentName).block(TIMEOUT);
		StepVerifier.create(this.mlflow.createExperiment(this.experimentName))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MlflowApiException.class,
					(api) -> {
						assertThat(api.getErrorCode()).isEqualTo(MlflowErrorCodes.RESOURCE_ALREADY_EXISTS);
						assertThat(api.getHttpStatus()).isEqualTo(400);
					}));
	}

	@Test
	void getOrCreateExperimentCreatesOnceWhenManyCallersRace() {
		List<String> ids = Flux.range(0, 8)
			.flatMap((i) -> this.mlflow.getOrCreateExperiment(this.experimentName).subscribeOn(Schedulers.parallel()))
			.collectList()
			.block(TIMEOUT);
		assertThat(ids).hasSize(8);
		assertThat(Set.copyOf(ids)).hasSize(1);
		long matching = this.mlflow.searchExperiments(ExperimentSearch.filter("name = '" + this.experimentName + "'"))
			.count()
			.block(TIMEOUT);
		assertThat(matching).isEqualTo(1);
	}

	@Test
	void searchExperimentsFollowsPageTokensAcrossPages() {
		String prefix = "paging-" + UUID.randomUUID();
		IntStream.range(0, 7).forEach((i) -> this.mlflow.createExperiment(prefix + "-" + i).block(TIMEOUT));
		ExperimentSearch search = ExperimentSearch.filter("name LIKE '" + prefix + "-%'")
			.withOrderBy("name ASC")
			.withPageSize(3);
		List<String> names = this.mlflow.searchExperiments(search).map(Experiment::name).collectList().block(TIMEOUT);
		assertThat(names).containsExactlyElementsOf(
				IntStream.range(0, 7).mapToObj((i) -> prefix + "-" + i).collect(Collectors.toList()));
	}

	@Test
	void searchExperimentsWithoutArgumentsIncludesTheDefaultExperiment() {
		StepVerifier.create(this.mlflow.searchExperiments().map(Experiment::name).filter("Default"::equals))
			.expectNext("Default")
			.verifyComplete();
	}

	@Test
	void createdRunCarriesNameTagsAndStatusRunning() {
		String experimentId = this.mlflow.createExperiment(this.experimentName).block(TIMEOUT);
		Run run = this.mlflow
			.createRun(experimentId, RunSpec.named("first").withTag(SystemTags.USER, "tester").withTag("stage", "dev"))
			.block(TIMEOUT);
		assertThat(run.info().status()).isEqualTo(RunStatus.RUNNING);
		assertThat(run.info().runName()).isEqualTo("first");
		assertThat(run.info().experimentId()).isEqualTo(experimentId);
		assertThat(run.info().endTime()).isNull();
		StepVerifier.create(this.mlflow.getRun(run.runId())).assertNext((fetched) -> {
			assertThat(fetched.data().tagMap()).containsEntry("stage", "dev")
				.containsEntry(SystemTags.USER, "tester")
				.containsEntry(SystemTags.RUN_NAME, "first");
		}).verifyComplete();
	}

	@Test
	void updateRunEndsTheRunWithStatusAndEndTime() {
		String runId = newRunId();
		long before = System.currentTimeMillis();
		StepVerifier.create(this.mlflow.endRun(runId, RunStatus.FAILED)).assertNext((info) -> {
			assertThat(info.status()).isEqualTo(RunStatus.FAILED);
			assertThat(info.endTime()).isGreaterThanOrEqualTo(before);
		}).verifyComplete();
		assertThat(this.mlflow.getRun(runId).block(TIMEOUT).info().status()).isEqualTo(RunStatus.FAILED);
	}

	@Test
	void paramsMetricsAndTagsLoggedOneByOneAreStored() {
		String runId = newRunId();
		this.mlflow.logParam(runId, "learning_rate", "0.1")
			.then(this.mlflow.setTag(runId, "model", "logreg"))
			.then(this.mlflow.logMetric(runId, "loss", 0.5, 1))
			.then(this.mlflow.logMetric(runId, "loss", 0.25, 2))
			.then(this.mlflow.logMetric(runId, "accuracy", 0.75))
			.block(TIMEOUT);
		Run run = this.mlflow.getRun(runId).block(TIMEOUT);
		assertThat(run.data().paramMap()).containsEntry("learning_rate", "0.1");
		assertThat(run.data().tagMap()).containsEntry("model", "logreg");
		assertThat(run.data().latestMetricValues()).containsEntry("loss", 0.25).containsEntry("accuracy", 0.75);
		StepVerifier.create(this.mlflow.getMetricHistory(runId, "loss").map(Metric::step))
			.expectNext(1L, 2L)
			.verifyComplete();
	}

	@Test
	void changingAParamValueIsRejectedWithInvalidParameterValue() {
		String runId = newRunId();
		this.mlflow.logParam(runId, "seed", "1").block(TIMEOUT);
		StepVerifier.create(this.mlflow.logParam(runId, "seed", "2"))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MlflowApiException.class,
					(api) -> assertThat(api.getErrorCode()).isEqualTo(MlflowErrorCodes.INVALID_PARAMETER_VALUE)));
	}

	@Test
	void largeBatchIsSplitWithinServerLimitsAndStoredCompletelyInOrder() {
		String runId = newRunId();
		LogBatch.Builder batch = LogBatch.builder();
		IntStream.range(0, 2500).forEach((step) -> batch.metric(new Metric("series", step * 0.5, 1_700_000_000_000L + step, step)));
		IntStream.range(0, 150).forEach((i) -> batch.param("p" + i, "v" + i));
		IntStream.range(0, 120).forEach((i) -> batch.tag("t" + i, "x" + i));
		this.mlflow.logBatch(runId, batch.build()).block(TIMEOUT);
		Run run = this.mlflow.getRun(runId).block(TIMEOUT);
		assertThat(run.data().params()).hasSize(150);
		assertThat(run.data().tagMap()).containsKeys("t0", "t119");
		List<Metric> history = this.mlflow.getMetricHistory(runId, "series").collectList().block(TIMEOUT);
		assertThat(history).hasSize(2500);
		assertThat(history).extracting(Metric::step)
			.containsExactlyElementsOf(IntStream.range(0, 2500).mapToObj(Long::valueOf).toList());
		assertThat(history.get(2499).value()).isEqualTo(1249.5);
	}

	@Test
	void nanRoundTripsAndInfinityIsClampedByTheServer() {
		String runId = newRunId();
		this.mlflow.logBatch(runId, LogBatch.builder()
			.metric("nan", Double.NaN, 0)
			.metric("inf", Double.POSITIVE_INFINITY, 0)
			.build()).block(TIMEOUT);
		Map<String, Double> latest = this.mlflow.getRun(runId).block(TIMEOUT).data().latestMetricValues();
		assertThat(latest.get("nan")).isNaN();
		assertThat(latest.get("inf")).isIn(Double.MAX_VALUE, Double.POSITIVE_INFINITY);
	}

	@Test
	void unknownRunIsAnErrorNamingTheRunId() {
		StepVerifier.create(this.mlflow.getRun("0123456789abcdef0123456789abcdef"))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MlflowApiException.class,
					(api) -> {
						assertThat(api.getErrorCode()).isEqualTo(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST);
						assertThat(api.getMessage()).contains("0123456789abcdef0123456789abcdef");
					}));
	}

	@Test
	void activeRunIsCreatedOnceInItsExperimentAndEndsOnce() {
		MlflowRun run = this.mlflow.activeRun();
		assertThat(run.isStarted()).isFalse();
		String first = run.runId().block(TIMEOUT);
		String second = run.start().block(TIMEOUT).runId();
		assertThat(second).isEqualTo(first);
		run.logParam("alpha", "1").then(run.logMetric("loss", 1.5, 3)).then(run.setTag("k", "v")).block(TIMEOUT);
		StepVerifier.create(run.end(RunStatus.FINISHED).map((info) -> info.status()))
			.expectNext(RunStatus.FINISHED)
			.verifyComplete();
		StepVerifier.create(run.end(RunStatus.FAILED)).verifyComplete();
		Run stored = this.mlflow.getRun(first).block(TIMEOUT);
		assertThat(stored.info().status()).isEqualTo(RunStatus.FINISHED);
		assertThat(stored.info().runName()).isEqualTo("active");
		assertThat(stored.data().paramMap()).containsEntry("alpha", "1");
		String experimentId = this.mlflow.getExperimentByName(this.experimentName).block(TIMEOUT).experimentId();
		assertThat(stored.info().experimentId()).isEqualTo(experimentId);
	}

	@Test
	void runThatWasNeverStartedIsNotCreatedByEnd() {
		MlflowRun run = this.mlflow.newRun(this.experimentName, RunSpec.unnamed());
		StepVerifier.create(run.end(RunStatus.FINISHED)).verifyComplete();
		assertThat(run.isStarted()).isFalse();
		StepVerifier.create(this.mlflow.getExperimentByName(this.experimentName)).verifyComplete();
	}

	@Test
	void existingRunHandleLogsToThatRun() {
		String runId = newRunId();
		MlflowRun handle = this.mlflow.existingRun(runId);
		handle.logMetric("resumed", 1.0, 7).block(TIMEOUT);
		assertThat(handle.getRunId()).isEqualTo(runId);
		assertThat(this.mlflow.getMetricHistory(runId, "resumed").map(Metric::step).collectList().block(TIMEOUT))
			.containsExactly(7L);
	}

	@Test
	void deletedExperimentIsReportedWithTheWayOut(MlflowServer server) {
		String id = this.mlflow.createExperiment(this.experimentName).block(TIMEOUT);
		WebClient.create(server.uri().toString())
			.post()
			.uri("/api/2.0/mlflow/experiments/delete")
			.bodyValue(Map.of("experiment_id", id))
			.retrieve()
			.toBodilessEntity()
			.block(TIMEOUT);
		StepVerifier.create(this.mlflow.getOrCreateExperiment(this.experimentName))
			.verifyErrorSatisfies((error) -> assertThat(error).hasMessageContaining("is deleted")
				.hasMessageContaining("Restore it"));
		assertThat(this.mlflow.searchExperiments(ExperimentSearch.filter("name = '" + this.experimentName + "'")
			.withViewType(ViewType.DELETED_ONLY)).count().block(TIMEOUT)).isEqualTo(1);
	}

	@Test
	void noServerAtTheAddressIsReportedWithTheUrlTried() {
		URI nowhere = URI.create("http://127.0.0.1:" + MlflowServer.freePort());
		// A short retry budget: with the default one (5 minutes) the refused connection is retried that long.
		MlflowTemplate offline = MlflowTemplate.builder(nowhere)
			.retryPolicy(RetryPolicy.defaults().withMaxElapsed(Duration.ofSeconds(2)))
			.build();
		StepVerifier.create(offline.getExperimentByName("x"))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOf(MlflowUnreachableException.class)
				.hasMessageContaining(nowhere.toString())
				.hasMessageContaining("experiments/get-by-name"));
	}

	@Test
	void hostHeaderRejectedByTheServerIsExplainedWithAllowedHosts(MlflowServer server) {
		ServerVersionAssumptions.assumeServerAtLeast(server, "3.5.0", "Host header validation (security middleware)");
		MlflowTemplate wrongHost = new MlflowTemplate(
				WebClient.builder().defaultHeader("Host", "mlflow.example.com"), server.uri(), "x", RunSpec.unnamed());
		StepVerifier.create(wrongHost.createExperiment("host-check-" + UUID.randomUUID()))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MlflowApiException.class,
					(api) -> {
						assertThat(api.getHttpStatus()).isEqualTo(403);
						assertThat(api.getErrorCode()).isEqualTo(MlflowErrorCodes.PERMISSION_DENIED);
						assertThat(api.getMessage()).contains("Invalid Host header").contains("--allowed-hosts");
					}));
	}

	private String newRunId() {
		String experimentId = this.mlflow.getOrCreateExperiment(this.experimentName).block(TIMEOUT);
		return this.mlflow.createRun(experimentId, RunSpec.unnamed()).block(TIMEOUT).runId();
	}

}
