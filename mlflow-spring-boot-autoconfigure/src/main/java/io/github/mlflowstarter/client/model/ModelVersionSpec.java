package io.github.mlflowstarter.client.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What to register as a new model version.
 *
 * @param source where the model files are, such as the artifact URI of a run followed by
 * {@code /model}; the server accepts an {@code mlflow-artifacts:} source only together with the
 * id of the run that holds it
 * @param runId the run that produced the model, or {@code null}
 * @param tags the version's tags
 * @param description a description, or {@code null}
 * @param runLink a link to the run (for example in another MLflow server), or {@code null}
 */
public record ModelVersionSpec(String source, @Nullable String runId, Map<String, String> tags,
		@Nullable String description, @Nullable String runLink) {

	public ModelVersionSpec {
		if (source == null || source.isBlank()) {
			throw new IllegalArgumentException("source must not be null or blank");
		}
		tags = Map.copyOf(tags);
	}

	/**
	 * A version of the model files at a source, without run, tags or description.
	 * @param source where the model files are
	 * @return the spec
	 */
	public static ModelVersionSpec source(String source) {
		return new ModelVersionSpec(source, null, Map.of(), null, null);
	}

	/**
	 * This spec with the run that produced the model.
	 * @param runId the run id
	 * @return a new spec
	 */
	public ModelVersionSpec withRunId(@Nullable String runId) {
		return new ModelVersionSpec(this.source, runId, this.tags, this.description, this.runLink);
	}

	/**
	 * This spec with one more tag.
	 * @param key the tag key
	 * @param value the tag value
	 * @return a new spec
	 */
	public ModelVersionSpec withTag(String key, String value) {
		Map<String, String> merged = new LinkedHashMap<>(this.tags);
		merged.put(key, value);
		return new ModelVersionSpec(this.source, this.runId, merged, this.description, this.runLink);
	}

	/**
	 * This spec with other tags.
	 * @param tags the tags
	 * @return a new spec
	 */
	public ModelVersionSpec withTags(Map<String, String> tags) {
		return new ModelVersionSpec(this.source, this.runId, tags, this.description, this.runLink);
	}

	/**
	 * This spec with a description.
	 * @param description the description
	 * @return a new spec
	 */
	public ModelVersionSpec withDescription(@Nullable String description) {
		return new ModelVersionSpec(this.source, this.runId, this.tags, description, this.runLink);
	}

	/**
	 * This spec with a link to the run.
	 * @param runLink the link
	 * @return a new spec
	 */
	public ModelVersionSpec withRunLink(@Nullable String runLink) {
		return new ModelVersionSpec(this.source, this.runId, this.tags, this.description, runLink);
	}

}
