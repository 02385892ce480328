package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A key/value tag of a run or an experiment.
 *
 * @param key the tag key
 * @param value the tag value (the server may omit empty values)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tag(@JsonProperty("key") String key, @JsonProperty("value") @Nullable String value) {

	/**
	 * Creates a tag.
	 * @param key the tag key
	 * @param value the tag value
	 * @return the tag
	 */
	public static Tag of(String key, String value) {
		return new Tag(key, value);
	}

}
