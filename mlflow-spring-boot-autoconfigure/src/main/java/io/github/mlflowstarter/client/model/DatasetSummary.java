package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A dataset that runs of an experiment used, in one context.
 *
 * @param experimentId the experiment
 * @param name the dataset name
 * @param digest the dataset digest
 * @param context how the runs used it ({@code training}, ...), or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetSummary(@JsonProperty("experiment_id") String experimentId, @JsonProperty("name") String name,
		@JsonProperty("digest") String digest, @JsonProperty("context") @Nullable String context) {

}
