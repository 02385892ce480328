package io.github.mlflowstarter.client;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import io.github.mlflowstarter.client.model.FileInfo;
import io.github.mlflowstarter.client.model.LoggedModel;
import io.github.mlflowstarter.client.model.LoggedModelSearch;
import io.github.mlflowstarter.client.model.LoggedModelSpec;
import io.github.mlflowstarter.client.model.LoggedModelStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Reactive operations on MLflow 3 logged models. Reached through
 * {@link MlflowOperations#loggedModels()}.
 * <p>
 * A logged model has its own id ({@code m-...}), params, tags and artifacts, and is usually
 * linked to the run that produced it. It is created {@code LOGGED_MODEL_PENDING}, its artifacts
 * are uploaded, and it is finalized {@code LOGGED_MODEL_READY};
 * {@link #logModelForRun(String, LoggedModelSpec, Function)} does all three.
 * <p>
 * Artifacts travel through the server's artifact proxy, as those of runs do (see
 * {@link MlflowArtifacts}): the server must serve artifacts, and paths are relative to the
 * model's artifact root.
 * <p>
 * Every method is lazy: nothing is sent until the returned publisher is subscribed to. An
 * unknown or deleted model id fails with {@code RESOURCE_DOES_NOT_EXIST}.
 */
public interface MlflowLoggedModels {

	/**
	 * Creates a logged model, {@code LOGGED_MODEL_PENDING}. Not retried once sent: a retried
	 * create could leave two models.
	 * @param experimentId the experiment id
	 * @param spec the name, type, source run, params and tags
	 * @return the new model
	 */
	Mono<LoggedModel> createLoggedModel(String experimentId, LoggedModelSpec spec);

	/**
	 * Creates a logged model in the experiment of a run, linked to the run as its source.
	 * @param runId the id of the run that produced the model
	 * @param spec the name, type, params and tags; its source run id is replaced by
	 * {@code runId}
	 * @return the new model, {@code LOGGED_MODEL_PENDING}
	 */
	Mono<LoggedModel> createLoggedModelForRun(String runId, LoggedModelSpec spec);

	/**
	 * Logs a model produced by a run in one go: creates it in the run's experiment, linked to the
	 * run, with the spec's params and tags; lets {@code uploadArtifacts} upload its files (for
	 * example with {@link #uploadLoggedModelArtifact(String, String, Path)}); then finalizes it
	 * {@code LOGGED_MODEL_READY}. When the upload fails, the model is finalized
	 * {@code LOGGED_MODEL_UPLOAD_FAILED} and the upload's error is passed on.
	 * @param runId the id of the run that produced the model
	 * @param spec the name, type, params and tags
	 * @param uploadArtifacts uploads the artifacts of the model whose id it is given
	 * @return the finalized model
	 */
	Mono<LoggedModel> logModelForRun(String runId, LoggedModelSpec spec,
			Function<String, Mono<Void>> uploadArtifacts);

	/**
	 * Finalizes a logged model.
	 * @param modelId the model id
	 * @param status {@code LOGGED_MODEL_READY} or {@code LOGGED_MODEL_UPLOAD_FAILED}
	 * @return the updated model
	 */
	Mono<LoggedModel> finalizeLoggedModel(String modelId, LoggedModelStatus status);

	/**
	 * Gets a logged model with its params, tags and metrics.
	 * @param modelId the model id
	 * @return the model; fails with {@code RESOURCE_DOES_NOT_EXIST} when there is none or it is
	 * deleted
	 */
	Mono<LoggedModel> getLoggedModel(String modelId);

	/**
	 * Deletes a logged model (soft delete: {@code mlflow gc} removes it for good). Deleting a
	 * deleted model again succeeds.
	 * @param modelId the model id
	 * @return completes when the model is deleted
	 */
	Mono<Void> deleteLoggedModel(String modelId);

	/**
	 * Active logged models that match a search, following page tokens; pages are fetched as the
	 * subscriber asks for more.
	 * @param search the experiments, filter, order and page size
	 * @return the models
	 */
	Flux<LoggedModel> searchLoggedModels(LoggedModelSearch search);

	/**
	 * Sets tags of a logged model, replacing earlier values of the same keys.
	 * @param modelId the model id
	 * @param tags the tags
	 * @return completes when the server stored the tags
	 */
	Mono<Void> setLoggedModelTags(String modelId, Map<String, String> tags);

	/**
	 * Deletes a tag of a logged model. A key that contains {@code /} is refused before anything
	 * is sent: the server's route takes the key as one path segment and decodes {@code %2F}
	 * before routing, so it cannot reach such a tag. Not retried once sent (a repeated delete
	 * would fail).
	 * @param modelId the model id
	 * @param key the tag key
	 * @return completes when the tag is deleted; fails with {@code RESOURCE_DOES_NOT_EXIST} when
	 * the model has no such tag
	 */
	Mono<Void> deleteLoggedModelTag(String modelId, String key);

	/**
	 * Logs params of a logged model. Params are write-once, and the server rejects a param
	 * logged a second time even with the same value, so this is not retried once sent.
	 * @param modelId the model id
	 * @param params the params
	 * @return completes when the server stored the params
	 */
	Mono<Void> logLoggedModelParams(String modelId, Map<String, String> params);

	/**
	 * The files and directories at the artifact root of a logged model.
	 * @param modelId the model id
	 * @return the entries, directories included
	 */
	default Flux<FileInfo> listLoggedModelArtifacts(String modelId) {
		return listLoggedModelArtifacts(modelId, null);
	}

	/**
	 * The files and directories directly in an artifact directory of a logged model, following
	 * page tokens.
	 * @param modelId the model id
	 * @param directory the directory relative to the model's artifact root, or {@code null} for
	 * the root
	 * @return the entries, with paths relative to the artifact root; empty when the directory
	 * does not exist
	 */
	Flux<FileInfo> listLoggedModelArtifacts(String modelId, @Nullable String directory);

	/**
	 * Uploads a local file as an artifact of a logged model, streamed from disk. Retried after
	 * transient failures.
	 * @param modelId the model id
	 * @param artifactPath the path of the artifact file, such as {@code model/MLmodel}
	 * @param file the local file
	 * @return completes when the server stored the file
	 */
	Mono<Void> uploadLoggedModelArtifact(String modelId, String artifactPath, Path file);

	/**
	 * Uploads bytes as an artifact of a logged model. Retried after transient failures.
	 * @param modelId the model id
	 * @param artifactPath the path of the artifact file
	 * @param content the content
	 * @return completes when the server stored the file
	 */
	Mono<Void> uploadLoggedModelArtifact(String modelId, String artifactPath, byte[] content);

	/**
	 * Downloads an artifact file of a logged model as a stream of buffers, which the subscriber
	 * must release.
	 * @param modelId the model id
	 * @param artifactPath the path of the artifact file
	 * @return the content
	 */
	Flux<DataBuffer> downloadLoggedModelArtifact(String modelId, String artifactPath);

	/**
	 * Downloads an artifact file of a logged model into memory.
	 * @param modelId the model id
	 * @param artifactPath the path of the artifact file
	 * @return the content
	 */
	Mono<byte[]> downloadLoggedModelArtifactBytes(String modelId, String artifactPath);

}
