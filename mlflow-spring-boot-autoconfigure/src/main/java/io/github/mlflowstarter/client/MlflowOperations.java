package io.github.mlflowstarter.client;

import java.util.List;
import java.util.Map;

import io.github.mlflowstarter.client.model.DatasetInput;
import io.github.mlflowstarter.client.model.DatasetSummary;
import io.github.mlflowstarter.client.model.Experiment;
import io.github.mlflowstarter.client.model.ExperimentSearch;
import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.MetricWithRunId;
import io.github.mlflowstarter.client.model.ModelOutput;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunInfo;
import io.github.mlflowstarter.client.model.RunSearch;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.RunStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive operations on an MLflow tracking server.
 * <p>
 * Most applications only need {@link #activeRun()}: the run the starter opens when the
 * application starts and ends when it stops, to which params, metrics and tags are logged without
 * passing a run id around. The other methods map one to one onto MLflow's REST API and take ids
 * explicitly.
 * <p>
 * Every method is lazy, as reactive methods are: nothing is sent until the returned publisher is
 * subscribed to. Errors arrive as {@link MlflowApiException} (the server answered with an error)
 * or {@link MlflowUnreachableException} (no answer).
 */
public interface MlflowOperations {

	/**
	 * The run this client logs to by default. With the Spring Boot starter it is opened when the
	 * application starts (or on first use, see {@code mlflow.tracking.fail-fast}) and ended when
	 * the application stops.
	 * @return the active run
	 */
	MlflowRun activeRun();

	/**
	 * A handle on a new run in the named experiment; the experiment is created when missing. The
	 * run itself is created when the handle is {@linkplain MlflowRun#start() started} or first
	 * logged to.
	 * @param experimentName the experiment name
	 * @param spec the run name and tags
	 * @return a handle on the run
	 */
	MlflowRun newRun(String experimentName, RunSpec spec);

	/**
	 * A handle on an existing run, for example one started by another process.
	 * @param runId the run id
	 * @return a handle on the run
	 */
	MlflowRun existingRun(String runId);

	/**
	 * Operations on the artifacts of runs (list, upload, download) through the server's artifact
	 * proxy.
	 * @return the artifact operations
	 * @throws UnsupportedOperationException if this implementation offers no artifact operations
	 */
	default MlflowArtifacts artifacts() {
		throw new UnsupportedOperationException(getClass().getName() + " does not support MLflow artifacts; use"
				+ " MlflowTemplate (the MlflowOperations bean of the starter) or implement artifacts()");
	}

	/**
	 * Operations on the model registry: registered models, their versions, tags and aliases.
	 * @return the model registry operations
	 * @throws UnsupportedOperationException if this implementation offers no registry operations
	 */
	default MlflowModelRegistry modelRegistry() {
		throw new UnsupportedOperationException(getClass().getName() + " does not support the MLflow model registry;"
				+ " use MlflowTemplate (the MlflowOperations bean of the starter) or implement modelRegistry()");
	}

	/**
	 * Operations on MLflow 3 logged models: models with their own id, params, tags and
	 * artifacts, linked to the run that produced them.
	 * @return the logged model operations
	 * @throws UnsupportedOperationException if this implementation offers no logged model
	 * operations
	 */
	default MlflowLoggedModels loggedModels() {
		throw new UnsupportedOperationException(getClass().getName() + " does not support MLflow logged models;"
				+ " use MlflowTemplate (the MlflowOperations bean of the starter) or implement loggedModels()");
	}

	// Experiments

	/**
	 * Creates an experiment.
	 * @param name the unique experiment name
	 * @return the id of the new experiment; fails with {@code RESOURCE_ALREADY_EXISTS} when the
	 * name is taken (by a deleted experiment too)
	 */
	Mono<String> createExperiment(String name);

	/**
	 * Creates an experiment.
	 * @param name the unique experiment name
	 * @param artifactLocation where its runs store artifacts, or {@code null} for the server's
	 * default
	 * @param tags experiment tags
	 * @return the id of the new experiment
	 */
	Mono<String> createExperiment(String name, @Nullable String artifactLocation, Map<String, String> tags);

	/**
	 * Gets an experiment by id (deleted experiments included). An id that is an integer outside
	 * the 64-bit range fails with {@link IllegalArgumentException} (the server would fail with an
	 * internal error).
	 * @param experimentId the experiment id
	 * @return the experiment; fails with {@code RESOURCE_DOES_NOT_EXIST} when there is none
	 */
	Mono<Experiment> getExperiment(String experimentId);

	/**
	 * Gets an experiment by name (deleted experiments included).
	 * @param name the experiment name
	 * @return the experiment, or empty when no experiment has that name
	 */
	Mono<Experiment> getExperimentByName(String name);

	/**
	 * Returns the id of the active experiment with this name, creating the experiment when it is
	 * missing. Safe when several processes race to create it.
	 * @param name the experiment name
	 * @return the experiment id; fails when the experiment exists but is deleted
	 */
	Mono<String> getOrCreateExperiment(String name);

	/**
	 * All active experiments, following page tokens.
	 * @return the experiments
	 */
	Flux<Experiment> searchExperiments();

	/**
	 * Experiments that match a search, following page tokens.
	 * @param search the filter, order, view type and page size
	 * @return the experiments
	 */
	Flux<Experiment> searchExperiments(ExperimentSearch search);

	/**
	 * Renames an active experiment.
	 * @param experimentId the experiment id
	 * @param newName the new, unique name
	 * @return completes when renamed; fails with {@code RESOURCE_ALREADY_EXISTS} when the name is
	 * taken and {@code INVALID_STATE} when the experiment is deleted
	 */
	Mono<Void> renameExperiment(String experimentId, String newName);

	/**
	 * Deletes an experiment and its runs, softly: both can be restored until the server's
	 * {@code mlflow gc} removes them. Deleting an experiment that is already deleted completes.
	 * @param experimentId the experiment id
	 * @return completes when the experiment is deleted; fails with {@code RESOURCE_DOES_NOT_EXIST}
	 * when there is no such experiment
	 */
	Mono<Void> deleteExperiment(String experimentId);

	/**
	 * Restores a deleted experiment and the runs deleted with it. Restoring an active
	 * experiment completes.
	 * @param experimentId the experiment id
	 * @return completes when the experiment is active; fails with {@code RESOURCE_DOES_NOT_EXIST}
	 * when there is no such experiment
	 */
	Mono<Void> restoreExperiment(String experimentId);

	/**
	 * Sets an experiment tag, replacing any earlier value.
	 * @param experimentId the experiment id
	 * @param key the tag key
	 * @param value the tag value
	 * @return completes when stored
	 */
	Mono<Void> setExperimentTag(String experimentId, String key, String value);

	/**
	 * Deletes an experiment tag.
	 * @param experimentId the experiment id
	 * @param key the tag key
	 * @return completes when deleted; fails with {@code RESOURCE_DOES_NOT_EXIST} when the
	 * experiment has no such tag
	 */
	Mono<Void> deleteExperimentTag(String experimentId, String key);

	// Runs

	/**
	 * Runs that match a search, following page tokens; pages are fetched as the subscriber asks
	 * for more.
	 * @param search the experiments, filter, order, view type and page size
	 * @return the runs
	 */
	Flux<Run> searchRuns(RunSearch search);

	/**
	 * Creates a run. Not retried: a retried create could leave two runs.
	 * @param experimentId the experiment id
	 * @param spec the run name, tags and start time
	 * @return the new run, {@code RUNNING}
	 */
	Mono<Run> createRun(String experimentId, RunSpec spec);

	/**
	 * Gets a run with its params, tags and the latest value of each metric.
	 * @param runId the run id
	 * @return the run; fails with {@code RESOURCE_DOES_NOT_EXIST} when there is none
	 */
	Mono<Run> getRun(String runId);

	/**
	 * Updates the status and end time of a run.
	 * @param runId the run id
	 * @param status the new status
	 * @param endTime end time in milliseconds since the epoch, or {@code null} to leave it
	 * @return the updated run info
	 */
	Mono<RunInfo> updateRun(String runId, RunStatus status, @Nullable Long endTime);

	/**
	 * Renames a run.
	 * @param runId the run id
	 * @param newName the new name (run names need not be unique)
	 * @return the updated run info
	 */
	Mono<RunInfo> renameRun(String runId, String newName);

	/**
	 * Deletes a run, softly: it can be restored until the server's {@code mlflow gc} removes it.
	 * Deleting a deleted run completes.
	 * @param runId the run id
	 * @return completes when the run is deleted
	 */
	Mono<Void> deleteRun(String runId);

	/**
	 * Restores a deleted run. Restoring an active run completes.
	 * @param runId the run id
	 * @return completes when the run is active
	 */
	Mono<Void> restoreRun(String runId);

	/**
	 * Ends a run now with the given status.
	 * @param runId the run id
	 * @param status the final status, usually {@code FINISHED}, {@code FAILED} or {@code KILLED}
	 * @return the updated run info
	 */
	default Mono<RunInfo> endRun(String runId, RunStatus status) {
		return Mono.defer(() -> updateRun(runId, status, System.currentTimeMillis()));
	}

	/**
	 * Every point of one metric of a run, ordered by timestamp, step and value, following page
	 * tokens.
	 * @param runId the run id
	 * @param metricKey the metric key
	 * @return the points
	 */
	Flux<Metric> getMetricHistory(String runId, String metricKey);

	/**
	 * The history of one metric across several runs, sampled by step: at most
	 * {@code maxResults} points per run, spread evenly over the steps the run logged, the
	 * first and last step always included. What MLflow's UI draws charts from.
	 * @param runIds 1 to 100 run ids
	 * @param metricKey the metric key
	 * @param maxResults points per run, 1 to 2500
	 * @return the points, each with its run id
	 */
	Flux<MetricWithRunId> getMetricHistoryBulkInterval(List<String> runIds, String metricKey, int maxResults);

	/**
	 * The history of one metric across several runs between two steps (both included),
	 * sampled by step as {@link #getMetricHistoryBulkInterval(List, String, int)} does.
	 * @param runIds 1 to 100 run ids
	 * @param metricKey the metric key
	 * @param startStep the first step
	 * @param endStep the last step, at least {@code startStep}
	 * @param maxResults points per run, 1 to 2500
	 * @return the points, each with its run id
	 */
	Flux<MetricWithRunId> getMetricHistoryBulkInterval(List<String> runIds, String metricKey, long startStep,
			long endStep, int maxResults);

	// Server

	/**
	 * The server's MLflow version ({@code GET /version}).
	 * @return the version, such as {@code 3.17.2}
	 */
	Mono<String> getServerVersion();

	/**
	 * Checks that the server is healthy ({@code GET /health} answers {@code OK}).
	 * @return completes when healthy, fails otherwise
	 */
	Mono<Void> checkHealth();

	// Logging

	/**
	 * Logs a param. Params are write-once; logging the same value again is harmless. A key or a
	 * value the server would refuse or truncate (over 250 or 6000 characters) fails with
	 * {@link MlflowValidationException} before anything is sent.
	 * @param runId the run id
	 * @param key the param key
	 * @param value the param value
	 * @return completes when the server stored the param
	 */
	Mono<Void> logParam(String runId, String key, String value);

	/**
	 * Logs a metric point at step 0, stamped with the current time.
	 * @param runId the run id
	 * @param key the metric key
	 * @param value the value
	 * @return completes when the server stored the point
	 */
	default Mono<Void> logMetric(String runId, String key, double value) {
		return Mono.defer(() -> logMetric(runId, Metric.of(key, value)));
	}

	/**
	 * Logs a metric point at a step, stamped with the current time.
	 * @param runId the run id
	 * @param key the metric key
	 * @param value the value
	 * @param step the step, for example the epoch
	 * @return completes when the server stored the point
	 */
	default Mono<Void> logMetric(String runId, String key, double value, long step) {
		return Mono.defer(() -> logMetric(runId, Metric.of(key, value, step)));
	}

	/**
	 * Logs a metric point.
	 * @param runId the run id
	 * @param metric the point
	 * @return completes when the server stored the point
	 */
	Mono<Void> logMetric(String runId, Metric metric);

	/**
	 * Sets a run tag, replacing any earlier value. A key or a value the server would refuse or
	 * truncate (over 250 or 8000 characters) fails with {@link MlflowValidationException} before
	 * anything is sent.
	 * @param runId the run id
	 * @param key the tag key
	 * @param value the tag value
	 * @return completes when the server stored the tag
	 */
	Mono<Void> setTag(String runId, String key, String value);

	/**
	 * Deletes a run tag.
	 * @param runId the run id
	 * @param key the tag key
	 * @return completes when deleted; fails with {@code RESOURCE_DOES_NOT_EXIST} when the run has
	 * no such tag
	 */
	Mono<Void> deleteTag(String runId, String key);

	/**
	 * Records the datasets a run used. The server keeps one entry per dataset name and digest,
	 * so logging the same dataset again is harmless.
	 * @param runId the run id
	 * @param datasets the datasets with their context tags
	 * @return completes when stored
	 */
	Mono<Void> logInputs(String runId, List<DatasetInput> datasets);

	/**
	 * Records the MLflow 3 logged models a run produced, for example the model of each
	 * checkpoint (see {@link #loggedModels()}).
	 * @param runId the run id
	 * @param models the model ids with the step that produced each
	 * @return completes when stored
	 */
	Mono<Void> logOutputs(String runId, List<ModelOutput> models);

	/**
	 * Appends an MLmodel description to the run's {@code mlflow.log-model.history} tag, as
	 * MLflow 2 clients did when they logged a model. MLflow 3 records models as
	 * {@linkplain #loggedModels() logged models} instead.
	 * @param runId the run id
	 * @param mlModelJson the MLmodel as JSON, with at least {@code artifact_path},
	 * {@code flavors}, {@code utc_time_created} and {@code run_id}
	 * @return completes when stored
	 */
	Mono<Void> logModel(String runId, String mlModelJson);

	/**
	 * The datasets the runs of some experiments used: one summary per dataset name, digest and
	 * context (at most 1000).
	 * @param experimentIds 1 to 20 experiment ids
	 * @return the summaries
	 */
	Flux<DatasetSummary> searchDatasets(List<String> experimentIds);

	/**
	 * Logs metrics, params and tags, split into as many requests as the server's limits need
	 * (1000 metrics, 100 params, 100 tags and 1000 entries per request, under 1 MB), sent in
	 * order. Every entry is checked first; when one is invalid, the call fails with
	 * {@link MlflowValidationException} and nothing of the batch is sent.
	 * @param runId the run id
	 * @param batch the entries to log
	 * @return completes when the server stored every entry
	 */
	Mono<Void> logBatch(String runId, LogBatch batch);

}
