package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A run parameter. Parameters are write-once: logging a different value for the same key is
 * rejected by the server.
 *
 * @param key the parameter key
 * @param value the parameter value (the server may omit empty values)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Param(@JsonProperty("key") String key, @JsonProperty("value") @Nullable String value) {

	/**
	 * Creates a parameter.
	 * @param key the parameter key
	 * @param value the parameter value
	 * @return the parameter
	 */
	public static Param of(String key, String value) {
		return new Param(key, value);
	}

}
