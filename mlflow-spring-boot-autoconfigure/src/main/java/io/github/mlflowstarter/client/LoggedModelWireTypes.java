package io.github.mlflowstarter.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.mlflowstarter.client.model.FileInfo;
import io.github.mlflowstarter.client.model.LoggedModel;
import io.github.mlflowstarter.client.model.LoggedModelStatus;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.Tag;
import org.jspecify.annotations.Nullable;

/**
 * Request and response bodies of the logged model endpoints
 * ({@code /api/2.0/mlflow/logged-models}), exactly as they travel.
 */
final class LoggedModelWireTypes {

	private LoggedModelWireTypes() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreateLoggedModelRequest(@JsonProperty("experiment_id") String experimentId,
			@JsonProperty("name") @Nullable String name, @JsonProperty("model_type") @Nullable String modelType,
			@JsonProperty("source_run_id") @Nullable String sourceRunId,
			@JsonProperty("params") @Nullable List<Param> params, @JsonProperty("tags") @Nullable List<Tag> tags) {
	}

	/** The answer of create, finalize and get. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record LoggedModelResponse(@JsonProperty("model") LoggedModel model) {
	}

	/** The server reads the model id from the body, not the path: it must be in both. */
	record FinalizeLoggedModelRequest(@JsonProperty("model_id") String modelId,
			@JsonProperty("status") LoggedModelStatus status) {
	}

	record SetLoggedModelTagsRequest(@JsonProperty("tags") List<Tag> tags) {
	}

	/** The server reads the model id from the body, not the path: it must be in both. */
	record LogLoggedModelParamsRequest(@JsonProperty("model_id") String modelId,
			@JsonProperty("params") List<Param> params) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SearchLoggedModelsRequest(@JsonProperty("experiment_ids") List<String> experimentIds,
			@JsonProperty("filter") @Nullable String filter,
			@JsonProperty("order_by") @Nullable List<OrderBy> orderBy, @JsonProperty("max_results") int maxResults,
			@JsonProperty("page_token") @Nullable String pageToken) {
	}

	record OrderBy(@JsonProperty("field_name") String fieldName, @JsonProperty("ascending") boolean ascending) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SearchLoggedModelsResponse(@JsonProperty("models") @Nullable List<LoggedModel> models,
			@JsonProperty("next_page_token") @Nullable String nextPageToken) {

		List<LoggedModel> modelsOrEmpty() {
			return (this.models != null) ? this.models : List.of();
		}

	}

	/**
	 * The answer of {@code GET .../artifacts/directories}; {@code files} is absent when the
	 * directory is empty or missing. Paths are relative to the model's artifact root.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ListLoggedModelArtifactsResponse(@JsonProperty("root_uri") @Nullable String rootUri,
			@JsonProperty("files") @Nullable List<FileInfo> files,
			@JsonProperty("next_page_token") @Nullable String nextPageToken) {

		List<FileInfo> filesOrEmpty() {
			return (this.files != null) ? this.files : List.of();
		}

	}

}
