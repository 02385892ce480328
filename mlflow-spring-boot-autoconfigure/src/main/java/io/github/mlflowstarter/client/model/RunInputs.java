package io.github.mlflowstarter.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a run consumed.
 *
 * @param datasetInputs the datasets the run used
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunInputs(@JsonProperty("dataset_inputs") List<DatasetInput> datasetInputs) {

	/**
	 * Creates run inputs.
	 */
	public RunInputs {
		datasetInputs = (datasetInputs != null) ? List.copyOf(datasetInputs) : List.of();
	}

	/**
	 * No inputs.
	 * @return empty inputs
	 */
	public static RunInputs empty() {
		return new RunInputs(List.of());
	}

}
