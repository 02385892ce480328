package io.github.mlflowstarter.client.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Data of a run: the latest value of each metric, the params and the tags.
 *
 * @param metrics the latest point of each metric (use the metric history for all points)
 * @param params the parameters
 * @param tags the tags
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunData(@JsonProperty("metrics") List<Metric> metrics, @JsonProperty("params") List<Param> params,
		@JsonProperty("tags") List<Tag> tags) {

	public RunData {
		metrics = (metrics != null) ? List.copyOf(metrics) : List.of();
		params = (params != null) ? List.copyOf(params) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

	/**
	 * Data with nothing in it.
	 * @return empty run data
	 */
	public static RunData empty() {
		return new RunData(List.of(), List.of(), List.of());
	}

	/**
	 * The params as a map.
	 * @return the param values keyed by param key
	 */
	public Map<String, String> paramMap() {
		Map<String, String> map = new LinkedHashMap<>();
		params.forEach((param) -> map.put(param.key(), (param.value() != null) ? param.value() : ""));
		return map;
	}

	/**
	 * The tags as a map.
	 * @return the tag values keyed by tag key
	 */
	public Map<String, String> tagMap() {
		return Tags.toMap(tags);
	}

	/**
	 * The latest value of each metric as a map.
	 * @return the latest metric values keyed by metric key
	 */
	public Map<String, Double> latestMetricValues() {
		Map<String, Double> map = new LinkedHashMap<>();
		metrics.forEach((metric) -> map.put(metric.key(), metric.value()));
		return map;
	}

}
