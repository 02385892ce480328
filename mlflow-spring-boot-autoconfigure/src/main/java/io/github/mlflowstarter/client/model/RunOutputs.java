package io.github.mlflowstarter.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a run produced.
 *
 * @param modelOutputs the logged models the run produced
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunOutputs(@JsonProperty("model_outputs") List<ModelOutput> modelOutputs) {

	/**
	 * Creates run outputs.
	 */
	public RunOutputs {
		modelOutputs = (modelOutputs != null) ? List.copyOf(modelOutputs) : List.of();
	}

	/**
	 * No outputs.
	 * @return empty outputs
	 */
	public static RunOutputs empty() {
		return new RunOutputs(List.of());
	}

}
