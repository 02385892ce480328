package io.github.mlflowstarter.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.mlflowstarter.client.WireTypes.CreateExperimentRequest;
import io.github.mlflowstarter.client.model.ModelOutput;
import io.github.mlflowstarter.client.model.DatasetSummary;
import io.github.mlflowstarter.client.WireTypes.SearchDatasetsResponse;
import io.github.mlflowstarter.client.WireTypes.SearchDatasetsRequest;
import io.github.mlflowstarter.client.WireTypes.LogOutputsRequest;
import io.github.mlflowstarter.client.WireTypes.LogModelRequest;
import io.github.mlflowstarter.client.model.MetricWithRunId;
import io.github.mlflowstarter.client.model.LifecycleStage;
import io.github.mlflowstarter.client.model.DatasetInput;
import io.github.mlflowstarter.client.WireTypes.UpdateExperimentRequest;
import io.github.mlflowstarter.client.WireTypes.SetExperimentTagRequest;
import io.github.mlflowstarter.client.WireTypes.RunIdRequest;
import io.github.mlflowstarter.client.WireTypes.MetricHistoryBulkIntervalResponse;
import io.github.mlflowstarter.client.WireTypes.LogInputsRequest;
import io.github.mlflowstarter.client.WireTypes.ExperimentIdRequest;
import io.github.mlflowstarter.client.WireTypes.DeleteTagRequest;
import io.github.mlflowstarter.client.WireTypes.DeleteExperimentTagRequest;
import io.github.mlflowstarter.client.WireTypes.CreateExperimentResponse;
import io.github.mlflowstarter.client.WireTypes.CreateRunRequest;
import io.github.mlflowstarter.client.WireTypes.Empty;
import io.github.mlflowstarter.client.WireTypes.ExperimentResponse;
import io.github.mlflowstarter.client.WireTypes.LogBatchRequest;
import io.github.mlflowstarter.client.WireTypes.LogMetricRequest;
import io.github.mlflowstarter.client.WireTypes.LogParamRequest;
import io.github.mlflowstarter.client.WireTypes.MetricHistoryResponse;
import io.github.mlflowstarter.client.WireTypes.RunResponse;
import io.github.mlflowstarter.client.WireTypes.SearchExperimentsRequest;
import io.github.mlflowstarter.client.WireTypes.SearchExperimentsResponse;
import io.github.mlflowstarter.client.WireTypes.SearchRunsRequest;
import io.github.mlflowstarter.client.WireTypes.SearchRunsResponse;
import io.github.mlflowstarter.client.WireTypes.SetTagRequest;
import io.github.mlflowstarter.client.WireTypes.UpdateRunRequest;
import io.github.mlflowstarter.client.WireTypes.UpdateRunResponse;
import io.github.mlflowstarter.client.model.Experiment;
import io.github.mlflowstarter.client.model.ExperimentSearch;
import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunInfo;
import io.github.mlflowstarter.client.model.RunSearch;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.RunStatus;
import io.github.mlflowstarter.client.model.Tag;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

import static io.github.mlflowstarter.client.Arguments.requireText;

/**
 * {@link MlflowOperations} over Spring WebFlux's {@link WebClient}.
 * <p>
 * Without Spring Boot, create one with {@link #create(URI, String, RunSpec)}; with the starter,
 * inject the {@link MlflowOperations} bean instead.
 */
public class MlflowTemplate implements MlflowOperations {

	/** Points per metric history request; the Python client uses the same. */
	static final int METRIC_HISTORY_PAGE_SIZE = 25_000;

	/**
	 * Largest response body the client buffers: a full page of metric history, pretty-printed
	 * by the server, takes a few megabytes.
	 */
	static final int MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

	/** The server's limit on the runs of one bulk-interval metric history request. */
	static final int MAX_RUNS_PER_BULK_HISTORY = 100;

	/** The server's limit on the points per run of a bulk-interval metric history request. */
	static final int MAX_BULK_HISTORY_POINTS_PER_RUN = 2500;

	/** The server's limit on the experiments of one dataset search. */
	static final int MAX_EXPERIMENTS_PER_DATASET_SEARCH = 20;

	private final RestCalls rest;

	private final LoggingOptions loggingOptions;

	private final LoggingCounters loggingCounters = new LoggingCounters();

	private final BatchSender batchSender;

	private final MlflowRun activeRun;

	private final MlflowArtifacts artifacts;

	private final MlflowModelRegistry modelRegistry;

	private final MlflowLoggedModels loggedModels;

	/**
	 * Creates a template.
	 * @param webClientBuilder the builder of the {@link WebClient} to use; its base URL is set
	 * to the tracking URI
	 * @param trackingUri the tracking server, for example {@code http://127.0.0.1:5000}, with
	 * any path prefix the server sits behind
	 * @param activeRunExperiment the experiment of the {@linkplain #activeRun() active run}
	 * @param activeRunSpec the name and tags of the active run
	 */
	public MlflowTemplate(WebClient.Builder webClientBuilder, URI trackingUri, String activeRunExperiment,
			RunSpec activeRunSpec) {
		this(webClientBuilder, trackingUri, activeRunExperiment, activeRunSpec, RetryPolicy.defaults(),
				LoggingOptions.defaults());
	}

	/**
	 * Creates a template.
	 * @param webClientBuilder the builder of the {@link WebClient} to use; its base URL is set
	 * to the tracking URI
	 * @param trackingUri the tracking server, for example {@code http://127.0.0.1:5000}, with
	 * any path prefix the server sits behind
	 * @param activeRunExperiment the experiment of the {@linkplain #activeRun() active run}
	 * @param activeRunSpec the name and tags of the active run
	 * @param retryPolicy how requests are tried again after transient failures
	 * @param loggingOptions buffer and retry settings of the logging pipeline of each run
	 */
	public MlflowTemplate(WebClient.Builder webClientBuilder, URI trackingUri, String activeRunExperiment,
			RunSpec activeRunSpec, RetryPolicy retryPolicy, LoggingOptions loggingOptions) {
		this(builder(trackingUri).webClientBuilder(webClientBuilder)
			.activeRun(activeRunExperiment, activeRunSpec)
			.retryPolicy(retryPolicy)
			.loggingOptions(loggingOptions));
	}

	private MlflowTemplate(Builder builder) {
		URI base = withoutTrailingSlash(builder.trackingUri);
		this.rest = new RestCalls(builder.webClientBuilder.baseUrl(base.toString()).codecs((codecs) -> {
			codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES);
			// never log headers (Authorization) or bodies, even with spring.http.codecs.log-request-details
			codecs.defaultCodecs().enableLoggingRequestDetails(false);
		}).build(), base, builder.retryPolicy, builder.callObserver, builder.credentials);
		this.loggingOptions = builder.loggingOptions;
		this.batchSender = new BatchSender(this.rest, this.loggingOptions.retry(), this.loggingCounters);
		this.artifacts = new MlflowArtifactsTemplate(this.rest, (runId) -> getRun(runId).map(Run::info));
		this.modelRegistry = new MlflowModelRegistryTemplate(this.rest, (runId) -> getRun(runId).map(Run::info));
		this.loggedModels = new MlflowLoggedModelsTemplate(this.rest, (runId) -> getRun(runId).map(Run::info));
		this.activeRun = (builder.resumeRunId != null) ? existingRun(builder.resumeRunId)
				: newRun(builder.activeRunExperiment, builder.activeRunSpec);
	}

	/**
	 * Starts building a template.
	 * @param trackingUri the tracking server, for example {@code http://127.0.0.1:5000}, with
	 * any path prefix the server sits behind
	 * @return a builder
	 */
	public static Builder builder(URI trackingUri) {
		return new Builder(trackingUri);
	}

	/**
	 * Creates a template with a default {@link WebClient}.
	 * @param trackingUri the tracking server
	 * @param activeRunExperiment the experiment of the active run
	 * @param activeRunSpec the name and tags of the active run
	 * @return the template
	 */
	public static MlflowTemplate create(URI trackingUri, String activeRunExperiment, RunSpec activeRunSpec) {
		return new MlflowTemplate(WebClient.builder(), trackingUri, activeRunExperiment, activeRunSpec);
	}

	private static URI withoutTrailingSlash(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
	}

	/**
	 * The tracking server this template talks to.
	 * @return the tracking URI
	 */
	public URI getTrackingUri() {
		return this.rest.trackingUri();
	}

	@Override
	public MlflowRun activeRun() {
		return this.activeRun;
	}

	@Override
	public MlflowArtifacts artifacts() {
		return this.artifacts;
	}

	@Override
	public MlflowModelRegistry modelRegistry() {
		return this.modelRegistry;
	}

	@Override
	public MlflowLoggedModels loggedModels() {
		return this.loggedModels;
	}

	@Override
	public MlflowRun newRun(String experimentName, RunSpec spec) {
		Objects.requireNonNull(experimentName, "experimentName must not be null");
		Objects.requireNonNull(spec, "spec must not be null");
		return runHandle(getOrCreateExperiment(experimentName)
			.flatMap((experimentId) -> createRun(experimentId, spec))
			.map(Run::info));
	}

	@Override
	public MlflowRun existingRun(String runId) {
		requireText(runId, "runId");
		return runHandle(getRun(runId).map(Run::info));
	}

	/**
	 * A handle on a new run in the parent's experiment, tagged as its child.
	 */
	MlflowRun childRun(MlflowRun parent, RunSpec spec) {
		return runHandle(parent.start()
			.flatMap((info) -> createRun(info.experimentId(), spec.withTag(SystemTags.PARENT_RUN_ID, info.runId())))
			.map(Run::info));
	}

	private MlflowRun runHandle(Mono<RunInfo> opener) {
		return new MlflowRun(this, opener, this.loggingOptions, this.batchSender, this.loggingCounters);
	}

	/**
	 * Counts of the logging pipelines of every run handle of this template.
	 * @return the statistics
	 */
	public LoggingStatistics getLoggingStatistics() {
		return this.loggingCounters.snapshot();
	}

	@Override
	public Mono<String> createExperiment(String name) {
		return createExperiment(name, null, Map.of());
	}

	@Override
	public Mono<String> createExperiment(String name, @Nullable String artifactLocation, Map<String, String> tags) {
		return Mono.defer(() -> {
			requireText(name, "name");
			List<Tag> tagList = tags.isEmpty() ? null : toTags(tags);
			return this.rest.post("/experiments/create", new CreateExperimentRequest(name, artifactLocation, tagList),
					CreateExperimentResponse.class, false);
		}).map(CreateExperimentResponse::experimentId);
	}

	@Override
	public Mono<Experiment> getExperiment(String experimentId) {
		return Mono.defer(() -> {
			requireExperimentId(experimentId);
			return this.rest.get("/experiments/get", Map.of("experiment_id", List.of(experimentId)),
					ExperimentResponse.class);
		}).map(ExperimentResponse::experiment);
	}

	@Override
	public Mono<Experiment> getExperimentByName(String name) {
		return Mono.defer(() -> {
			requireText(name, "name");
			return this.rest.get("/experiments/get-by-name", Map.of("experiment_name", List.of(name)),
					ExperimentResponse.class);
		})
			.map(ExperimentResponse::experiment)
			.onErrorResume(MlflowTemplate::isDoesNotExist, (ex) -> Mono.empty());
	}

	@Override
	public Mono<String> getOrCreateExperiment(String name) {
		Mono<Experiment> existing = getExperimentByName(name);
		Mono<Experiment> created = createExperiment(name).flatMap(this::getExperiment)
			.onErrorResume(MlflowTemplate::isAlreadyExists, (ex) -> getExperimentByName(name));
		return existing.switchIfEmpty(created).flatMap((experiment) -> {
			if (!experiment.isActive()) {
				return Mono.error(new MlflowException("MLflow experiment '" + name + "' (id "
						+ experiment.experimentId() + ") is deleted, so no run can be created in it. Restore it"
						+ " (MLflow UI, or restoreExperiment), delete it for good on the server (mlflow gc), or"
						+ " choose another experiment name"));
			}
			return Mono.just(experiment.experimentId());
		});
	}

	@Override
	public Mono<Void> renameExperiment(String experimentId, String newName) {
		return Mono.defer(() -> {
			requireText(experimentId, "experimentId");
			requireText(newName, "newName");
			// The server answers a taken name with its database's constraint violation (HTTP 400
			// with raw SQL), so look first and say it plainly.
			Mono<Void> nameIsFree = getExperimentByName(newName)
				.filter((holder) -> !holder.experimentId().equals(experimentId))
				.flatMap((holder) -> Mono.error(new MlflowException("Cannot rename MLflow experiment " + experimentId
						+ " to '" + newName + "': experiment " + holder.experimentId() + " already has that name"
						+ (holder.isActive() ? "" : " (it is deleted; names of deleted experiments stay taken until"
								+ " the server's mlflow gc removes them)")
						+ ". Choose another name")));
			return nameIsFree.then(this.rest.post("/experiments/update",
					new UpdateExperimentRequest(experimentId, newName), Empty.class, true));
		}).then();
	}

	@Override
	public Mono<Void> deleteExperiment(String experimentId) {
		return changeExperimentLifecycle("/experiments/delete", experimentId, LifecycleStage.DELETED);
	}

	@Override
	public Mono<Void> restoreExperiment(String experimentId) {
		return changeExperimentLifecycle("/experiments/restore", experimentId, LifecycleStage.ACTIVE);
	}

	/**
	 * Deletes or restores an experiment. The server answers {@code RESOURCE_DOES_NOT_EXIST} when
	 * the experiment is already in the target stage (and so to a retried request whose first
	 * answer was lost); that case completes, as a second delete of a run does.
	 */
	private Mono<Void> changeExperimentLifecycle(String path, String experimentId, String targetStage) {
		return Mono.defer(() -> {
			requireText(experimentId, "experimentId");
			return this.rest.post(path, new ExperimentIdRequest(experimentId), Empty.class, true);
		})
			.then()
			.onErrorResume(MlflowTemplate::isDoesNotExist, (ex) -> getExperiment(experimentId)
				.onErrorResume(MlflowTemplate::isDoesNotExist, (absent) -> Mono.error(ex))
				.flatMap((experiment) -> targetStage.equals(experiment.lifecycleStage()) ? Mono.<Void>empty() : Mono.error(ex)));
	}

	@Override
	public Mono<Void> setExperimentTag(String experimentId, String key, String value) {
		return Mono.defer(() -> {
			requireText(experimentId, "experimentId");
			requireText(key, "key");
			Objects.requireNonNull(value, "value must not be null");
			return this.rest.post("/experiments/set-experiment-tag",
					new SetExperimentTagRequest(experimentId, key, value), Empty.class, true);
		}).then();
	}

	@Override
	public Mono<Void> deleteExperimentTag(String experimentId, String key) {
		return Mono.defer(() -> {
			requireText(experimentId, "experimentId");
			requireText(key, "key");
			return this.rest.post("/experiments/delete-experiment-tag",
					new DeleteExperimentTagRequest(experimentId, key), Empty.class, true);
		}).then();
	}

	@Override
	public Flux<Experiment> searchExperiments() {
		return searchExperiments(ExperimentSearch.all());
	}

	@Override
	public Flux<Experiment> searchExperiments(ExperimentSearch search) {
		return new PageTokenPager<SearchExperimentsResponse>((token) -> this.rest.post("/experiments/search",
				new SearchExperimentsRequest(search.pageSize(), token, search.filter(),
						search.orderBy().isEmpty() ? null : search.orderBy(), search.viewType()),
				SearchExperimentsResponse.class, true), SearchExperimentsResponse::nextPageToken)
			.pages()
			.concatMapIterable(SearchExperimentsResponse::experimentsOrEmpty);
	}

	@Override
	public Flux<Run> searchRuns(RunSearch search) {
		return Flux.defer(() -> {
			search.experimentIds().forEach(MlflowTemplate::requireExperimentId);
			return new PageTokenPager<SearchRunsResponse>((token) -> this.rest.post("/runs/search",
					new SearchRunsRequest(search.experimentIds(), search.filter(), search.viewType(), search.pageSize(),
							search.orderBy().isEmpty() ? null : search.orderBy(), token),
					SearchRunsResponse.class, true), SearchRunsResponse::nextPageToken)
				.pages()
				.concatMapIterable(SearchRunsResponse::runsOrEmpty);
		});
	}

	@Override
	public Mono<String> getServerVersion() {
		return this.rest.getText("/version").map(String::strip);
	}

	@Override
	public Mono<Void> checkHealth() {
		return this.rest.getText("/health").flatMap((body) -> "OK".equals(body.strip()) ? Mono.<Void>empty()
				: Mono.error(new MlflowException("The MLflow server at " + getTrackingUri()
						+ " answered /health with '" + body.strip() + "' instead of 'OK'")));
	}

	@Override
	public Mono<Run> createRun(String experimentId, RunSpec spec) {
		return Mono.defer(() -> {
			requireExperimentId(experimentId);
			long startTime = (spec.startTime() != null) ? spec.startTime() : System.currentTimeMillis();
			return this.rest.post("/runs/create", new CreateRunRequest(experimentId, spec.runName(), startTime,
					spec.tags().get(SystemTags.USER), toTags(spec.tags())), RunResponse.class, false);
		}).map(RunResponse::run);
	}

	@Override
	public Mono<Run> getRun(String runId) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			return this.rest.get("/runs/get", Map.of("run_id", List.of(runId)), RunResponse.class);
		}).map(RunResponse::run);
	}

	@Override
	public Mono<RunInfo> updateRun(String runId, RunStatus status, @Nullable Long endTime) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			Objects.requireNonNull(status, "status must not be null");
			return this.rest.post("/runs/update", new UpdateRunRequest(runId, status, endTime, null),
					UpdateRunResponse.class, true);
		}).map(UpdateRunResponse::runInfo);
	}

	@Override
	public Mono<RunInfo> renameRun(String runId, String newName) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			requireText(newName, "newName");
			return this.rest.post("/runs/update", new UpdateRunRequest(runId, null, null, newName),
					UpdateRunResponse.class, true);
		}).map(UpdateRunResponse::runInfo);
	}

	@Override
	public Mono<Void> deleteRun(String runId) {
		return runIdCall("/runs/delete", runId);
	}

	@Override
	public Mono<Void> restoreRun(String runId) {
		return runIdCall("/runs/restore", runId);
	}

	private Mono<Void> runIdCall(String path, String runId) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			return this.rest.post(path, new RunIdRequest(runId), Empty.class, true);
		}).then();
	}

	@Override
	public Flux<Metric> getMetricHistory(String runId, String metricKey) {
		return new PageTokenPager<MetricHistoryResponse>((token) -> {
			requireText(runId, "runId");
			requireText(metricKey, "metricKey");
			Map<String, List<String>> query = new LinkedHashMap<>();
			query.put("run_id", List.of(runId));
			query.put("metric_key", List.of(metricKey));
			query.put("max_results", List.of(String.valueOf(METRIC_HISTORY_PAGE_SIZE)));
			if (token != null) {
				query.put("page_token", List.of(token));
			}
			return this.rest.get("/metrics/get-history", query, MetricHistoryResponse.class);
		}, MetricHistoryResponse::nextPageToken).pages().concatMapIterable(MetricHistoryResponse::metricsOrEmpty);
	}

	@Override
	public Flux<MetricWithRunId> getMetricHistoryBulkInterval(List<String> runIds, String metricKey, int maxResults) {
		return metricHistoryBulkInterval(runIds, metricKey, null, null, maxResults);
	}

	@Override
	public Flux<MetricWithRunId> getMetricHistoryBulkInterval(List<String> runIds, String metricKey, long startStep,
			long endStep, int maxResults) {
		return metricHistoryBulkInterval(runIds, metricKey, startStep, endStep, maxResults);
	}

	private Flux<MetricWithRunId> metricHistoryBulkInterval(List<String> runIds, String metricKey,
			@Nullable Long startStep, @Nullable Long endStep, int maxResults) {
		return Mono.defer(() -> {
			Objects.requireNonNull(runIds, "runIds must not be null");
			if (runIds.isEmpty() || runIds.size() > MAX_RUNS_PER_BULK_HISTORY) {
				throw new IllegalArgumentException("runIds must hold 1 to " + MAX_RUNS_PER_BULK_HISTORY
						+ " run ids (the server's limit), not " + runIds.size());
			}
			runIds.forEach((runId) -> requireText(runId, "runIds element"));
			requireText(metricKey, "metricKey");
			if (maxResults < 1 || maxResults > MAX_BULK_HISTORY_POINTS_PER_RUN) {
				throw new IllegalArgumentException("maxResults must be between 1 and "
						+ MAX_BULK_HISTORY_POINTS_PER_RUN + " (the server's limit), not " + maxResults);
			}
			if (startStep != null && endStep != null && startStep > endStep) {
				throw new IllegalArgumentException(
						"startStep " + startStep + " must not be greater than endStep " + endStep);
			}
			Map<String, List<String>> query = new LinkedHashMap<>();
			query.put("run_ids", List.copyOf(runIds));
			query.put("metric_key", List.of(metricKey));
			if (startStep != null && endStep != null) {
				query.put("start_step", List.of(String.valueOf(startStep)));
				query.put("end_step", List.of(String.valueOf(endStep)));
			}
			query.put("max_results", List.of(String.valueOf(maxResults)));
			return this.rest.get("/metrics/get-history-bulk-interval", query,
					MetricHistoryBulkIntervalResponse.class);
		}).flatMapIterable(MetricHistoryBulkIntervalResponse::metricsOrEmpty);
	}

	@Override
	public Mono<Void> logParam(String runId, String key, String value) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			LogEntryValidator.checkParam(key, value);
			return this.rest.post("/runs/log-parameter", new LogParamRequest(runId, key, value), Empty.class, true);
		}).then();
	}

	@Override
	public Mono<Void> logMetric(String runId, Metric metric) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			LogEntryValidator.checkMetric(metric);
			return this.rest.post("/runs/log-metric", new LogMetricRequest(runId, metric.key(), metric.value(),
					metric.timestamp(), metric.step()), Empty.class, true);
		}).then();
	}

	@Override
	public Mono<Void> setTag(String runId, String key, String value) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			LogEntryValidator.checkTag(key, value);
			return this.rest.post("/runs/set-tag", new SetTagRequest(runId, key, value), Empty.class, true);
		}).then();
	}

	@Override
	public Mono<Void> deleteTag(String runId, String key) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			requireText(key, "key");
			return this.rest.post("/runs/delete-tag", new DeleteTagRequest(runId, key), Empty.class, true);
		}).then();
	}

	@Override
	public Mono<Void> logInputs(String runId, List<DatasetInput> datasets) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			Objects.requireNonNull(datasets, "datasets must not be null");
			return this.rest.post("/runs/log-inputs", new LogInputsRequest(runId, List.copyOf(datasets)),
					Empty.class, true);
		}).then();
	}

	@Override
	public Mono<Void> logOutputs(String runId, List<ModelOutput> models) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			Objects.requireNonNull(models, "models must not be null");
			return this.rest.post("/runs/outputs", new LogOutputsRequest(runId, List.copyOf(models)), Empty.class,
					true);
		}).then();
	}

	@Override
	public Mono<Void> logModel(String runId, String mlModelJson) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			requireText(mlModelJson, "mlModelJson");
			// Not safe to repeat: each call appends one more entry to the history tag.
			return this.rest.post("/runs/log-model", new LogModelRequest(runId, mlModelJson), Empty.class, false);
		}).then();
	}

	@Override
	public Flux<DatasetSummary> searchDatasets(List<String> experimentIds) {
		return Mono.defer(() -> {
			Objects.requireNonNull(experimentIds, "experimentIds must not be null");
			if (experimentIds.isEmpty() || experimentIds.size() > MAX_EXPERIMENTS_PER_DATASET_SEARCH) {
				throw new IllegalArgumentException("experimentIds must hold 1 to " + MAX_EXPERIMENTS_PER_DATASET_SEARCH
						+ " experiment ids (the server's limit), not " + experimentIds.size());
			}
			experimentIds.forEach((experimentId) -> requireText(experimentId, "experimentIds element"));
			return this.rest.postToUiApi("/experiments/search-datasets",
					new SearchDatasetsRequest(List.copyOf(experimentIds)), SearchDatasetsResponse.class, true);
		}).flatMapIterable(SearchDatasetsResponse::summariesOrEmpty);
	}

	@Override
	public Mono<Void> logBatch(String runId, LogBatch batch) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			Objects.requireNonNull(batch, "batch must not be null");
			batch.metrics().forEach(LogEntryValidator::checkMetric);
			batch.params().forEach((param) -> LogEntryValidator.checkParam(param.key(), param.value()));
			batch.tags().forEach((tag) -> LogEntryValidator.checkTag(tag.key(), tag.value()));
			return Flux.fromIterable(LogBatchSplitter.split(batch))
				.concatMap((piece) -> this.rest.post("/runs/log-batch",
						new LogBatchRequest(runId, piece.metrics(), piece.params(), piece.tags()), Empty.class, true))
				.then();
		});
	}

	private static List<Tag> toTags(Map<String, String> tags) {
		return tags.entrySet().stream().map((entry) -> Tag.of(entry.getKey(), entry.getValue())).toList();
	}

	/**
	 * Refuses an experiment id that is blank, or an integer that no MLflow experiment can have:
	 * the SQL store fails with an internal error (HTTP 500, which looks transient and would be
	 * retried in vain) for integers outside the 64-bit range.
	 */
	private static void requireExperimentId(@Nullable String experimentId) {
		requireText(experimentId, "experimentId");
		String digits = experimentId.strip();
		if (digits.startsWith("-") || digits.startsWith("+")) {
			digits = digits.substring(1);
		}
		if (!digits.isEmpty() && digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			try {
				Long.parseLong(experimentId.strip());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("experimentId '" + abbreviate(experimentId)
						+ "' is out of range: MLflow experiment ids are 64-bit integers (at most " + Long.MAX_VALUE
						+ "); check where the id came from");
			}
		}
	}

	private static String abbreviate(String text) {
		return (text.length() <= 60) ? text : text.substring(0, 60) + "... (" + text.length() + " characters)";
	}

	private static boolean isDoesNotExist(Throwable error) {
		return error instanceof MlflowApiException api && api.hasErrorCode(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST);
	}

	private static boolean isAlreadyExists(Throwable error) {
		return error instanceof MlflowApiException api && api.hasErrorCode(MlflowErrorCodes.RESOURCE_ALREADY_EXISTS);
	}

	/**
	 * Builds an {@link MlflowTemplate}.
	 */
	public static final class Builder {

		private final URI trackingUri;

		private WebClient.Builder webClientBuilder = WebClient.builder();

		private String activeRunExperiment = "Default";

		private RunSpec activeRunSpec = RunSpec.unnamed();

		private @Nullable String resumeRunId;

		private RetryPolicy retryPolicy = RetryPolicy.defaults();

		private LoggingOptions loggingOptions = LoggingOptions.defaults();

		private MlflowCallObserver callObserver = MlflowCallObserver.NONE;

		private MlflowCredentialsDescription credentials = MlflowCredentialsDescription.UNKNOWN;

		private Builder(URI trackingUri) {
			this.trackingUri = Objects.requireNonNull(trackingUri, "trackingUri must not be null");
		}

		/**
		 * The builder of the {@link WebClient} to use; its base URL is set to the tracking URI.
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * The experiment, name and tags of the {@linkplain MlflowTemplate#activeRun() active run},
		 * created on first use.
		 * @param experimentName the experiment name
		 * @param spec the run name and tags
		 * @return this builder
		 */
		public Builder activeRun(String experimentName, RunSpec spec) {
			this.activeRunExperiment = experimentName;
			this.activeRunSpec = spec;
			return this;
		}

		/**
		 * Makes an existing run the active run instead of a new one (what {@code MLFLOW_RUN_ID}
		 * does for MLflow's Python client).
		 * @param runId the run id, or {@code null} to start a new run
		 * @return this builder
		 */
		public Builder resumeRun(@Nullable String runId) {
			this.resumeRunId = runId;
			return this;
		}

		/**
		 * How requests are tried again after transient failures.
		 * @param retryPolicy the policy
		 * @return this builder
		 */
		public Builder retryPolicy(RetryPolicy retryPolicy) {
			this.retryPolicy = retryPolicy;
			return this;
		}

		/**
		 * Buffer and retry settings of the logging pipeline of each run.
		 * @param loggingOptions the options
		 * @return this builder
		 */
		public Builder loggingOptions(LoggingOptions loggingOptions) {
			this.loggingOptions = loggingOptions;
			return this;
		}

		/**
		 * Watches every call to the server, for example to record observations.
		 * @param callObserver the observer
		 * @return this builder
		 */
		public Builder callObserver(MlflowCallObserver callObserver) {
			this.callObserver = callObserver;
			return this;
		}

		/**
		 * Describes, without secrets, the credentials the {@link WebClient} sends, so that
		 * authentication and permission errors name them and where they are configured.
		 * @param credentials the description
		 * @return this builder
		 */
		public Builder credentials(MlflowCredentialsDescription credentials) {
			this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
			return this;
		}

		/**
		 * Builds the template.
		 * @return the template
		 */
		public MlflowTemplate build() {
			return new MlflowTemplate(this);
		}

	}

}
