package io.github.mlflowstarter.client.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a new run looks like.
 *
 * @param runName the run name, or {@code null} to let the server generate one
 * @param tags tags to set when the run is created (system tags such as {@code mlflow.user}
 * included)
 * @param startTime start time in milliseconds since the epoch, or {@code null} for now
 */
public record RunSpec(@Nullable String runName, Map<String, String> tags, @Nullable Long startTime) {

	public RunSpec {
		tags = Map.copyOf(new LinkedHashMap<>(tags));
	}

	/**
	 * A run with a server-generated name and no tags.
	 * @return the spec
	 */
	public static RunSpec unnamed() {
		return new RunSpec(null, Map.of(), null);
	}

	/**
	 * A run with a name and no tags.
	 * @param runName the run name
	 * @return the spec
	 */
	public static RunSpec named(@Nullable String runName) {
		return new RunSpec(runName, Map.of(), null);
	}

	/**
	 * This spec with more tags; the given tags win over existing ones.
	 * @param moreTags the tags to add
	 * @return a new spec
	 */
	public RunSpec withTags(Map<String, String> moreTags) {
		Map<String, String> merged = new LinkedHashMap<>(this.tags);
		merged.putAll(moreTags);
		return new RunSpec(this.runName, merged, this.startTime);
	}

	/**
	 * This spec with one more tag.
	 * @param key the tag key
	 * @param value the tag value
	 * @return a new spec
	 */
	public RunSpec withTag(String key, String value) {
		return withTags(Map.of(key, value));
	}

}
