package io.github.mlflowstarter.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a new logged model looks like.
 *
 * @param name the model name, or {@code null} to let the server generate one
 * @param modelType a free-form model type, such as {@code sklearn}, or {@code null}
 * @param sourceRunId the id of the run that produced the model, or {@code null}
 * @param params params logged with the model when it is created (write-once, like run params)
 * @param tags tags set when the model is created
 */
public record LoggedModelSpec(@Nullable String name, @Nullable String modelType, @Nullable String sourceRunId,
		Map<String, String> params, Map<String, String> tags) {

	public LoggedModelSpec {
		params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
		tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
	}

	/**
	 * A model with a server-generated name and nothing else.
	 * @return the spec
	 */
	public static LoggedModelSpec unnamed() {
		return new LoggedModelSpec(null, null, null, Map.of(), Map.of());
	}

	/**
	 * A model with a name and nothing else.
	 * @param name the model name
	 * @return the spec
	 */
	public static LoggedModelSpec named(@Nullable String name) {
		return new LoggedModelSpec(name, null, null, Map.of(), Map.of());
	}

	/**
	 * This spec with a model type.
	 * @param modelType the model type, such as {@code sklearn}
	 * @return a new spec
	 */
	public LoggedModelSpec withModelType(@Nullable String modelType) {
		return new LoggedModelSpec(this.name, modelType, this.sourceRunId, this.params, this.tags);
	}

	/**
	 * This spec linked to the run that produced the model.
	 * @param sourceRunId the run id
	 * @return a new spec
	 */
	public LoggedModelSpec withSourceRunId(@Nullable String sourceRunId) {
		return new LoggedModelSpec(this.name, this.modelType, sourceRunId, this.params, this.tags);
	}

	/**
	 * This spec with more params; the given params win over existing ones.
	 * @param moreParams the params to add
	 * @return a new spec
	 */
	public LoggedModelSpec withParams(Map<String, String> moreParams) {
		Map<String, String> merged = new LinkedHashMap<>(this.params);
		merged.putAll(moreParams);
		return new LoggedModelSpec(this.name, this.modelType, this.sourceRunId, merged, this.tags);
	}

	/**
	 * This spec with one more param.
	 * @param key the param key
	 * @param value the param value
	 * @return a new spec
	 */
	public LoggedModelSpec withParam(String key, String value) {
		return withParams(Map.of(key, value));
	}

	/**
	 * This spec with more tags; the given tags win over existing ones.
	 * @param moreTags the tags to add
	 * @return a new spec
	 */
	public LoggedModelSpec withTags(Map<String, String> moreTags) {
		Map<String, String> merged = new LinkedHashMap<>(this.tags);
		merged.putAll(moreTags);
		return new LoggedModelSpec(this.name, this.modelType, this.sourceRunId, this.params, merged);
	}

	/**
	 * This spec with one more tag.
	 * @param key the tag key
	 * @param value the tag value
	 * @return a new spec
	 */
	public LoggedModelSpec withTag(String key, String value) {
		return withTags(Map.of(key, value));
	}

}
