package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One metric point.
 *
 * @param key the metric key
 * @param value the value; NaN is stored as NaN, infinities are clamped by the server to
 * &plusmn;{@link Double#MAX_VALUE}, and {@code -0.0} is read back as {@code 0.0}
 * @param timestamp milliseconds since the epoch
 * @param step the step (for example the epoch) the value belongs to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Metric(@JsonProperty("key") String key, @JsonProperty("value") double value,
		@JsonProperty("timestamp") long timestamp, @JsonProperty("step") long step) {

	/**
	 * Creates a metric point stamped with the current time.
	 * @param key the metric key
	 * @param value the value
	 * @param step the step
	 * @return the metric point
	 */
	public static Metric of(String key, double value, long step) {
		return new Metric(key, value, System.currentTimeMillis(), step);
	}

	/**
	 * Creates a metric point at step 0 stamped with the current time.
	 * @param key the metric key
	 * @param value the value
	 * @return the metric point
	 */
	public static Metric of(String key, double value) {
		return of(key, value, 0);
	}

}
