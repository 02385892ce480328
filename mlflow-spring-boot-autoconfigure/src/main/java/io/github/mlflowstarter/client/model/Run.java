package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A run: its metadata and its data.
 *
 * @param info the run metadata
 * @param data the run data
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Run(@JsonProperty("info") RunInfo info, @JsonProperty("data") RunData data) {

	public Run {
		data = (data != null) ? data : RunData.empty();
	}

	/**
	 * The run id.
	 * @return the run id
	 */
	public String runId() {
		return info.runId();
	}

}
