package io.github.mlflowstarter.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Data of an MLflow 3 logged model: its params and the metrics logged against it.
 *
 * @param params the parameters
 * @param metrics the metrics logged with the model's id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoggedModelData(@JsonProperty("params") List<Param> params, @JsonProperty("metrics") List<Metric> metrics) {

	public LoggedModelData {
		params = (params != null) ? List.copyOf(params) : List.of();
		metrics = (metrics != null) ? List.copyOf(metrics) : List.of();
	}

	/**
	 * Data with nothing in it.
	 * @return empty model data
	 */
	public static LoggedModelData empty() {
		return new LoggedModelData(List.of(), List.of());
	}

	/**
	 * The params as a map.
	 * @return the param values keyed by param key
	 */
	public Map<String, String> paramMap() {
		Map<String, String> map = new LinkedHashMap<>();
		this.params.forEach((param) -> map.put(param.key(), (param.value() != null) ? param.value() : ""));
		return Collections.unmodifiableMap(map);
	}

}
