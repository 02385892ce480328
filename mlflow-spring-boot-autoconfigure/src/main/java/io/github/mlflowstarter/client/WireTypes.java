package io.github.mlflowstarter.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.mlflowstarter.client.model.DatasetInput;
import io.github.mlflowstarter.client.model.DatasetSummary;
import io.github.mlflowstarter.client.model.Experiment;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.MetricWithRunId;
import io.github.mlflowstarter.client.model.ModelOutput;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunInfo;
import io.github.mlflowstarter.client.model.RunStatus;
import io.github.mlflowstarter.client.model.Tag;
import io.github.mlflowstarter.client.model.ViewType;
import org.jspecify.annotations.Nullable;

/**
 * Request and response bodies of the MLflow REST API, exactly as they travel. Internal: the
 * public API speaks in {@code model} types.
 */
final class WireTypes {

	private WireTypes() {
	}

	/** Any response whose content the client does not need (usually {@code {}}). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Empty() {
	}

	/** MLflow's JSON error body. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ErrorBody(@JsonProperty("error_code") @Nullable String errorCode,
			@JsonProperty("message") @Nullable String message) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreateExperimentRequest(@JsonProperty("name") String name,
			@JsonProperty("artifact_location") @Nullable String artifactLocation,
			@JsonProperty("tags") @Nullable List<Tag> tags) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CreateExperimentResponse(@JsonProperty("experiment_id") String experimentId) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ExperimentResponse(@JsonProperty("experiment") Experiment experiment) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SearchExperimentsRequest(@JsonProperty("max_results") long maxResults,
			@JsonProperty("page_token") @Nullable String pageToken, @JsonProperty("filter") @Nullable String filter,
			@JsonProperty("order_by") @Nullable List<String> orderBy,
			@JsonProperty("view_type") ViewType viewType) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SearchExperimentsResponse(@JsonProperty("experiments") @Nullable List<Experiment> experiments,
			@JsonProperty("next_page_token") @Nullable String nextPageToken) {

		List<Experiment> experimentsOrEmpty() {
			return (this.experiments != null) ? this.experiments : List.of();
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreateRunRequest(@JsonProperty("experiment_id") String experimentId,
			@JsonProperty("run_name") @Nullable String runName, @JsonProperty("start_time") long startTime,
			@JsonProperty("user_id") @Nullable String userId, @JsonProperty("tags") List<Tag> tags) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record RunResponse(@JsonProperty("run") Run run) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record UpdateRunRequest(@JsonProperty("run_id") String runId, @JsonProperty("status") @Nullable RunStatus status,
			@JsonProperty("end_time") @Nullable Long endTime, @JsonProperty("run_name") @Nullable String runName) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record UpdateRunResponse(@JsonProperty("run_info") RunInfo runInfo) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MetricHistoryResponse(@JsonProperty("metrics") @Nullable List<Metric> metrics,
			@JsonProperty("next_page_token") @Nullable String nextPageToken) {

		List<Metric> metricsOrEmpty() {
			return (this.metrics != null) ? this.metrics : List.of();
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SearchRunsRequest(@JsonProperty("experiment_ids") List<String> experimentIds,
			@JsonProperty("filter") @Nullable String filter, @JsonProperty("run_view_type") ViewType viewType,
			@JsonProperty("max_results") int maxResults, @JsonProperty("order_by") @Nullable List<String> orderBy,
			@JsonProperty("page_token") @Nullable String pageToken) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SearchRunsResponse(@JsonProperty("runs") @Nullable List<Run> runs,
			@JsonProperty("next_page_token") @Nullable String nextPageToken) {

		List<Run> runsOrEmpty() {
			return (this.runs != null) ? this.runs : List.of();
		}

	}

	record LogParamRequest(@JsonProperty("run_id") String runId, @JsonProperty("key") String key,
			@JsonProperty("value") String value) {
	}

	record LogMetricRequest(@JsonProperty("run_id") String runId, @JsonProperty("key") String key,
			@JsonProperty("value") double value, @JsonProperty("timestamp") long timestamp,
			@JsonProperty("step") long step) {
	}

	record SetTagRequest(@JsonProperty("run_id") String runId, @JsonProperty("key") String key,
			@JsonProperty("value") String value) {
	}

	record LogBatchRequest(@JsonProperty("run_id") String runId, @JsonProperty("metrics") List<Metric> metrics,
			@JsonProperty("params") List<Param> params, @JsonProperty("tags") List<Tag> tags) {
	}

	record ExperimentIdRequest(@JsonProperty("experiment_id") String experimentId) {
	}

	record UpdateExperimentRequest(@JsonProperty("experiment_id") String experimentId,
			@JsonProperty("new_name") String newName) {
	}

	record SetExperimentTagRequest(@JsonProperty("experiment_id") String experimentId,
			@JsonProperty("key") String key, @JsonProperty("value") String value) {
	}

	record DeleteExperimentTagRequest(@JsonProperty("experiment_id") String experimentId,
			@JsonProperty("key") String key) {
	}

	record RunIdRequest(@JsonProperty("run_id") String runId) {
	}

	record DeleteTagRequest(@JsonProperty("run_id") String runId, @JsonProperty("key") String key) {
	}

	record LogInputsRequest(@JsonProperty("run_id") String runId,
			@JsonProperty("datasets") List<DatasetInput> datasets) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record MetricHistoryBulkIntervalResponse(@JsonProperty("metrics") @Nullable List<MetricWithRunId> metrics) {

		List<MetricWithRunId> metricsOrEmpty() {
			return (this.metrics != null) ? this.metrics : List.of();
		}

	}

	record LogModelRequest(@JsonProperty("run_id") String runId, @JsonProperty("model_json") String modelJson) {
	}

	record LogOutputsRequest(@JsonProperty("run_id") String runId,
			@JsonProperty("models") List<ModelOutput> models) {
	}

	record SearchDatasetsRequest(@JsonProperty("experiment_ids") List<String> experimentIds) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SearchDatasetsResponse(@JsonProperty("dataset_summaries") @Nullable List<DatasetSummary> summaries) {

		List<DatasetSummary> summariesOrEmpty() {
			return (this.summaries != null) ? this.summaries : List.of();
		}

	}

}
