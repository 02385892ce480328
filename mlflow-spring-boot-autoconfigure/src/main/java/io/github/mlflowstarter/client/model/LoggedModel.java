package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An MLflow 3 logged model: a model with its own id, params, tags and artifacts, usually linked
 * to the run that produced it.
 *
 * @param info the model metadata
 * @param data the model params and metrics
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoggedModel(@JsonProperty("info") LoggedModelInfo info, @JsonProperty("data") LoggedModelData data) {

	public LoggedModel {
		data = (data != null) ? data : LoggedModelData.empty();
	}

	/**
	 * The model id.
	 * @return the model id
	 */
	public String modelId() {
		return this.info.modelId();
	}

}
