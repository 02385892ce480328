package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A file or directory among the artifacts of a run.
 *
 * @param path the path relative to the run's artifact root, such as {@code model/weights.bin}
 * @param isDir whether it is a directory
 * @param fileSize the size in bytes; {@code null} for directories (the server leaves the size
 * of an empty file out, which reads as 0)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileInfo(@JsonProperty("path") String path, @JsonProperty("is_dir") boolean isDir,
		@JsonProperty("file_size") @Nullable Long fileSize) {

	/**
	 * Creates an entry; a file without a size has size 0.
	 * @param path the path relative to the run's artifact root
	 * @param isDir whether it is a directory
	 * @param fileSize the size in bytes, or {@code null}
	 */
	public FileInfo {
		if (!isDir && fileSize == null) {
			fileSize = 0L;
		}
	}

	/**
	 * The last segment of the path.
	 * @return the file or directory name
	 */
	public String name() {
		int slash = this.path.lastIndexOf('/');
		return (slash >= 0) ? this.path.substring(slash + 1) : this.path;
	}

}
