package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Metadata of a run.
 *
 * @param runId the run id
 * @param runName the run name
 * @param experimentId the id of the experiment the run belongs to
 * @param userId the user who created the run (deprecated by MLflow in favour of the
 * {@code mlflow.user} tag)
 * @param status the run status
 * @param startTime start time in milliseconds since the epoch
 * @param endTime end time in milliseconds since the epoch, absent while the run is running
 * @param artifactUri the root URI of the run's artifacts
 * @param lifecycleStage {@code active} or {@code deleted}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunInfo(@JsonProperty("run_id") String runId, @JsonProperty("run_name") @Nullable String runName,
		@JsonProperty("experiment_id") String experimentId, @JsonProperty("user_id") @Nullable String userId,
		@JsonProperty("status") @Nullable RunStatus status, @JsonProperty("start_time") @Nullable Long startTime,
		@JsonProperty("end_time") @Nullable Long endTime, @JsonProperty("artifact_uri") @Nullable String artifactUri,
		@JsonProperty("lifecycle_stage") @Nullable String lifecycleStage) {

}
