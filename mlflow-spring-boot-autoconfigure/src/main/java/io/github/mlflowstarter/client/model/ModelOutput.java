package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A logged model a run produced.
 *
 * @param modelId the logged model id ({@code m-...})
 * @param step the step that produced it, for example the epoch of a checkpoint
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelOutput(@JsonProperty("model_id") String modelId, @JsonProperty("step") long step) {

}
