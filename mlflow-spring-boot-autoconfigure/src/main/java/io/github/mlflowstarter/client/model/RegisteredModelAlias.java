package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An alias of a registered model, such as {@code champion}, and the version it points to.
 *
 * @param alias the alias
 * @param version the version number, as a string
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisteredModelAlias(@JsonProperty("alias") String alias, @JsonProperty("version") String version) {

}
