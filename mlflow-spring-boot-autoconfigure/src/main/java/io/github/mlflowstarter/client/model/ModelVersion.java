package io.github.mlflowstarter.client.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A version of a registered model.
 *
 * @param name the name of the registered model
 * @param version the version number, as a string (the server's type), such as {@code "3"}
 * @param creationTimestamp creation time in milliseconds since the epoch
 * @param lastUpdatedTimestamp last update time in milliseconds since the epoch
 * @param userId the user who created the version, when the server knows it
 * @param currentStage the stage, {@link ModelVersionStage#NONE} for a new version
 * @param description the description (the server sends an empty one when none was given)
 * @param source where the model files are, such as
 * {@code mlflow-artifacts:/1/<run id>/artifacts/model}
 * @param runId the run that produced the model, if any
 * @param status the registration status
 * @param statusMessage details of the status, such as why registration failed
 * @param tags the version's tags
 * @param runLink a link to the run, if one was given
 * @param aliases the aliases that point to this version
 * @param modelId the MLflow 3 logged model this version registers, if any
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelVersion(@JsonProperty("name") String name, @JsonProperty("version") String version,
		@JsonProperty("creation_timestamp") @Nullable Long creationTimestamp,
		@JsonProperty("last_updated_timestamp") @Nullable Long lastUpdatedTimestamp,
		@JsonProperty("user_id") @Nullable String userId,
		@JsonProperty("current_stage") @Nullable ModelVersionStage currentStage,
		@JsonProperty("description") @Nullable String description, @JsonProperty("source") @Nullable String source,
		@JsonProperty("run_id") @Nullable String runId, @JsonProperty("status") @Nullable ModelVersionStatus status,
		@JsonProperty("status_message") @Nullable String statusMessage, @JsonProperty("tags") List<Tag> tags,
		@JsonProperty("run_link") @Nullable String runLink, @JsonProperty("aliases") List<String> aliases,
		@JsonProperty("model_id") @Nullable String modelId) {

	public ModelVersion {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
	}

	/**
	 * Whether the version is registered and can be used.
	 * @return {@code true} if the status is {@link ModelVersionStatus#READY}
	 */
	public boolean isReady() {
		return this.status == ModelVersionStatus.READY;
	}

	/**
	 * The tags as a map.
	 * @return the tags keyed by tag key
	 */
	public Map<String, String> tagMap() {
		return Tags.toMap(this.tags);
	}

	/**
	 * The value of one tag.
	 * @param key the tag key
	 * @return the value, if the tag is set
	 */
	public Optional<String> tag(String key) {
		return Optional.ofNullable(tagMap().get(key));
	}

}
