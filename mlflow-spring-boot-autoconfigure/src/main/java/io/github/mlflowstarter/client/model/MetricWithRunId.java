package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One metric point of one of several runs, as a history of several runs returns it.
 *
 * @param runId the run the point belongs to
 * @param key the metric key
 * @param value the value
 * @param timestamp milliseconds since the epoch
 * @param step the step
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricWithRunId(@JsonProperty("run_id") String runId, @JsonProperty("key") String key,
		@JsonProperty("value") double value, @JsonProperty("timestamp") long timestamp,
		@JsonProperty("step") long step) {

}
