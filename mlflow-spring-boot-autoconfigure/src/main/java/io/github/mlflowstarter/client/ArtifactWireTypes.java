package io.github.mlflowstarter.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.mlflowstarter.client.model.FileInfo;
import org.jspecify.annotations.Nullable;

/**
 * Response bodies of the artifact endpoints, exactly as they travel.
 */
final class ArtifactWireTypes {

	private ArtifactWireTypes() {
	}

	/**
	 * The answer of {@code GET /api/2.0/mlflow/artifacts/list}; {@code files} is absent when the
	 * directory is empty or missing.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ListArtifactsResponse(@JsonProperty("root_uri") @Nullable String rootUri,
			@JsonProperty("files") @Nullable List<FileInfo> files,
			@JsonProperty("next_page_token") @Nullable String nextPageToken) {

		List<FileInfo> filesOrEmpty() {
			return (this.files != null) ? this.files : List.of();
		}

	}

}
