package io.github.mlflowstarter.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.mlflowstarter.client.model.ModelVersion;
import io.github.mlflowstarter.client.model.ModelVersionStage;
import io.github.mlflowstarter.client.model.RegisteredModel;
import io.github.mlflowstarter.client.model.Tag;
import org.jspecify.annotations.Nullable;

/**
 * Request and response bodies of the model registry's REST API, exactly as they travel.
 * Internal: the public API speaks in {@code model} types. Searches and single reads are GET
 * requests with query parameters, so they have no request body here.
 */
final class RegistryWireTypes {

	private RegistryWireTypes() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreateRegisteredModelRequest(@JsonProperty("name") String name,
			@JsonProperty("description") @Nullable String description,
			@JsonProperty("tags") @Nullable List<Tag> tags) {
	}

	record RenameRegisteredModelRequest(@JsonProperty("name") String name,
			@JsonProperty("new_name") String newName) {
	}

	/**
	 * The description is always sent: the server clears it when the field is missing.
	 */
	record UpdateRegisteredModelRequest(@JsonProperty("name") String name,
			@JsonProperty("description") String description) {
	}

	record RegisteredModelName(@JsonProperty("name") String name) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record RegisteredModelResponse(@JsonProperty("registered_model") RegisteredModel registeredModel) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SearchRegisteredModelsResponse(
			@JsonProperty("registered_models") @Nullable List<RegisteredModel> registeredModels,
			@JsonProperty("next_page_token") @Nullable String nextPageToken) {

		List<RegisteredModel> registeredModelsOrEmpty() {
			return (this.registeredModels != null) ? this.registeredModels : List.of();
		}

	}

	record SetRegisteredModelTagRequest(@JsonProperty("name") String name, @JsonProperty("key") String key,
			@JsonProperty("value") String value) {
	}

	record DeleteRegisteredModelTagRequest(@JsonProperty("name") String name, @JsonProperty("key") String key) {
	}

	record SetAliasRequest(@JsonProperty("name") String name, @JsonProperty("alias") String alias,
			@JsonProperty("version") String version) {
	}

	record DeleteAliasRequest(@JsonProperty("name") String name, @JsonProperty("alias") String alias) {
	}

	record GetLatestVersionsRequest(@JsonProperty("name") String name,
			@JsonProperty("stages") List<ModelVersionStage> stages) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ModelVersionsResponse(@JsonProperty("model_versions") @Nullable List<ModelVersion> modelVersions,
			@JsonProperty("next_page_token") @Nullable String nextPageToken) {

		List<ModelVersion> modelVersionsOrEmpty() {
			return (this.modelVersions != null) ? this.modelVersions : List.of();
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CreateModelVersionRequest(@JsonProperty("name") String name, @JsonProperty("source") String source,
			@JsonProperty("run_id") @Nullable String runId, @JsonProperty("tags") @Nullable List<Tag> tags,
			@JsonProperty("run_link") @Nullable String runLink,
			@JsonProperty("description") @Nullable String description) {
	}

	/**
	 * The description is always sent: the server clears it when the field is missing.
	 */
	record UpdateModelVersionRequest(@JsonProperty("name") String name, @JsonProperty("version") String version,
			@JsonProperty("description") String description) {
	}

	record ModelVersionKey(@JsonProperty("name") String name, @JsonProperty("version") String version) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ModelVersionResponse(@JsonProperty("model_version") ModelVersion modelVersion) {
	}

	record TransitionStageRequest(@JsonProperty("name") String name, @JsonProperty("version") String version,
			@JsonProperty("stage") ModelVersionStage stage,
			@JsonProperty("archive_existing_versions") boolean archiveExistingVersions) {
	}

	record SetModelVersionTagRequest(@JsonProperty("name") String name, @JsonProperty("version") String version,
			@JsonProperty("key") String key, @JsonProperty("value") String value) {
	}

	record DeleteModelVersionTagRequest(@JsonProperty("name") String name, @JsonProperty("version") String version,
			@JsonProperty("key") String key) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record DownloadUriResponse(@JsonProperty("artifact_uri") String artifactUri) {
	}

}
