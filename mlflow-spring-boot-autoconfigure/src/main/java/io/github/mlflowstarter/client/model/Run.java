package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A run: its metadata and its data.
 *
 * @param info the run metadata
 * @param data the run data
 * @param inputs the datasets the run used
 * @param outputs the logged models the run produced
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Run(@JsonProperty("info") RunInfo info, @JsonProperty("data") RunData data,
		@JsonProperty("inputs") RunInputs inputs, @JsonProperty("outputs") RunOutputs outputs) {

	public Run {
		data = (data != null) ? data : RunData.empty();
		inputs = (inputs != null) ? inputs : RunInputs.empty();
		outputs = (outputs != null) ? outputs : RunOutputs.empty();
	}

	/**
	 * A run without inputs.
	 * @param info the run metadata
	 * @param data the run data
	 */
	public Run(RunInfo info, RunData data) {
		this(info, data, RunInputs.empty(), RunOutputs.empty());
	}

	/**
	 * The run id.
	 * @return the run id
	 */
	public String runId() {
		return info.runId();
	}

}
