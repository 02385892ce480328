package io.github.mlflowstarter.client;

import java.nio.file.Path;

import io.github.mlflowstarter.client.model.FileInfo;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Reactive operations on the artifacts of MLflow runs, through the tracking server's artifact
 * proxy ({@code /api/2.0/mlflow-artifacts}): no Python, no cloud SDK and no storage credentials
 * on the client. Obtain one from {@link MlflowOperations#artifacts()}.
 * <p>
 * The server must serve artifacts: the default {@code mlflow server --serve-artifacts}, with runs
 * whose artifact URI starts with {@code mlflow-artifacts:} (the default artifact root
 * {@code mlflow-artifacts:/}). Otherwise uploads and downloads fail with an
 * {@link MlflowArtifactsUnavailableException} that names the run's artifact URI.
 * <p>
 * Artifact paths are relative to the run's artifact root and use {@code /} between directories,
 * such as {@code model/weights.bin}. A path that the server would reject (absolute, a
 * {@code file:} URI, with a {@code ..} segment, a {@code #}, a backslash or a control character)
 * or would store under another name or fail on (a percent-escape such as {@code %41}, which the
 * server decodes; an empty {@code //} or {@code .} segment; a file or directory name over 255
 * bytes) fails at the call with an {@link MlflowValidationException} that names the rule.
 * Uploading to an existing path replaces the file.
 * <p>
 * Files travel as streams: uploading from a {@link Path} or a {@code Flux<DataBuffer>} and
 * downloading to a {@link Path} or as a {@code Flux<DataBuffer>} hold only a few buffers in
 * memory, whatever the size of the file. Like every reactive method, nothing happens until the
 * returned publisher is subscribed to.
 */
public interface MlflowArtifacts {

	/**
	 * The files and directories at the artifact root of a run.
	 * @param runId the run id
	 * @return the entries, directories included
	 */
	default Flux<FileInfo> list(String runId) {
		return list(runId, null);
	}

	/**
	 * The files and directories directly in an artifact directory of a run, following page
	 * tokens as the subscriber asks for more.
	 * @param runId the run id
	 * @param path the directory relative to the artifact root, or {@code null} for the root
	 * @return the entries, with paths relative to the artifact root; empty when the directory
	 * does not exist
	 */
	Flux<FileInfo> list(String runId, @Nullable String path);

	/**
	 * Every file and directory below an artifact directory of a run, depth first: each
	 * directory comes before its content.
	 * @param runId the run id
	 * @param path the directory relative to the artifact root, or {@code null} for the root
	 * @return the entries, with paths relative to the artifact root
	 */
	Flux<FileInfo> listRecursive(String runId, @Nullable String path);

	/**
	 * Uploads a local file, streamed from disk. Retried after transient failures.
	 * @param runId the run id
	 * @param artifactPath the path of the artifact file, such as {@code model/weights.bin}
	 * @param file the local file
	 * @return completes when the server stored the file
	 */
	Mono<Void> upload(String runId, String artifactPath, Path file);

	/**
	 * Uploads bytes. Retried after transient failures.
	 * @param runId the run id
	 * @param artifactPath the path of the artifact file
	 * @param content the content
	 * @return completes when the server stored the file
	 */
	Mono<Void> upload(String runId, String artifactPath, byte[] content);

	/**
	 * Uploads a stream of buffers, for content produced on the fly. The buffers are released
	 * once written. Not retried, because a publisher cannot in general be read twice.
	 * @param runId the run id
	 * @param artifactPath the path of the artifact file
	 * @param content the content
	 * @return completes when the server stored the file
	 */
	Mono<Void> upload(String runId, String artifactPath, Flux<DataBuffer> content);

	/**
	 * Uploads text, encoded as UTF-8. Retried after transient failures.
	 * @param runId the run id
	 * @param artifactPath the path of the artifact file, such as {@code notes/summary.txt}
	 * @param text the text
	 * @return completes when the server stored the file
	 */
	Mono<Void> uploadText(String runId, String artifactPath, String text);

	/**
	 * Uploads an object as JSON, written by the JSON encoder of the client's {@code WebClient}
	 * (with the Spring Boot starter, the application's JSON mapper). Retried after transient
	 * failures.
	 * @param runId the run id
	 * @param artifactPath the path of the artifact file, such as {@code eval/report.json}
	 * @param value the object, such as a record or a map
	 * @return completes when the server stored the file
	 */
	Mono<Void> uploadJson(String runId, String artifactPath, Object value);

	/**
	 * Downloads an artifact file as a stream of buffers, which the subscriber must release
	 * (for example with {@code DataBufferUtils.release} or by writing them with
	 * {@code DataBufferUtils.write}).
	 * @param runId the run id
	 * @param artifactPath the path of the artifact file
	 * @return the content; fails with {@code RESOURCE_DOES_NOT_EXIST} when there is no such file
	 */
	Flux<DataBuffer> download(String runId, String artifactPath);

	/**
	 * Downloads an artifact file to a local file, streamed to disk. Missing parent directories
	 * are created; an existing file is replaced, and a partly written file is deleted when the
	 * download fails.
	 * @param runId the run id
	 * @param artifactPath the path of the artifact file
	 * @param target the local file
	 * @return completes when the file is written
	 */
	Mono<Void> download(String runId, String artifactPath, Path target);

	/**
	 * Downloads an artifact file into memory.
	 * @param runId the run id
	 * @param artifactPath the path of the artifact file
	 * @return the content
	 */
	Mono<byte[]> downloadBytes(String runId, String artifactPath);

	/**
	 * Downloads an artifact file as text decoded from UTF-8.
	 * @param runId the run id
	 * @param artifactPath the path of the artifact file
	 * @return the text
	 */
	Mono<String> downloadText(String runId, String artifactPath);

}
