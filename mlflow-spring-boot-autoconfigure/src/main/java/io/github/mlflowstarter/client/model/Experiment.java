package io.github.mlflowstarter.client.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An MLflow experiment.
 *
 * @param experimentId the experiment id (a string, even when numeric)
 * @param name the unique experiment name
 * @param artifactLocation where the runs of this experiment store their artifacts
 * @param lifecycleStage {@code active} or {@code deleted}
 * @param creationTime creation time in milliseconds since the epoch
 * @param lastUpdateTime last update time in milliseconds since the epoch
 * @param tags the experiment tags
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Experiment(@JsonProperty("experiment_id") String experimentId, @JsonProperty("name") String name,
		@JsonProperty("artifact_location") @Nullable String artifactLocation,
		@JsonProperty("lifecycle_stage") @Nullable String lifecycleStage,
		@JsonProperty("creation_time") @Nullable Long creationTime,
		@JsonProperty("last_update_time") @Nullable Long lastUpdateTime,
		@JsonProperty("tags") List<Tag> tags) {

	public Experiment {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

	/**
	 * Whether the experiment is active (not soft-deleted).
	 * @return {@code true} if the experiment is active
	 */
	public boolean isActive() {
		return lifecycleStage == null || LifecycleStage.ACTIVE.equals(lifecycleStage);
	}

	/**
	 * The tags as a map.
	 * @return the tags keyed by tag key
	 */
	public Map<String, String> tagMap() {
		return Tags.toMap(tags);
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
