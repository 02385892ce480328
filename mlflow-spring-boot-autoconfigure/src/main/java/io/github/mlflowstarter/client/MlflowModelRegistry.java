package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.Map;

import io.github.mlflowstarter.client.model.ModelVersion;
import io.github.mlflowstarter.client.model.ModelVersionSearch;
import io.github.mlflowstarter.client.model.ModelVersionSpec;
import io.github.mlflowstarter.client.model.ModelVersionStage;
import io.github.mlflowstarter.client.model.RegisteredModel;
import io.github.mlflowstarter.client.model.RegisteredModelSearch;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive operations on MLflow's model registry: registered models, model versions, their tags
 * and aliases. Reached through {@link MlflowOperations#modelRegistry()}.
 * <p>
 * Every method maps onto one endpoint of the registry's REST API (except
 * {@link #createModelVersionFromRun}, which reads the run first, and {@link #awaitReady}, which
 * polls). Like every reactive method, nothing is sent until the returned publisher is
 * subscribed to. For a {@code null} or blank name, version, key or alias the returned publisher
 * fails with an {@link IllegalArgumentException} that names the parameter, and nothing is sent.
 * Errors of the server arrive as {@link MlflowApiException}: an unknown model or
 * version as {@code RESOURCE_DOES_NOT_EXIST}, a duplicate name as
 * {@code RESOURCE_ALREADY_EXISTS}, an invalid value as {@code INVALID_PARAMETER_VALUE}.
 * <p>
 * Requests that change nothing when applied twice (updates, tags, aliases, stage transitions,
 * deletes) are tried again after transient failures; creating a model or version and renaming a
 * model are only tried again when the request certainly never reached the server, since a
 * second attempt would fail or register a second version.
 * <p>
 * Model versions are numbered by the server per registered model, starting at 1; their numbers
 * travel as strings, as the server sends them.
 */
public interface MlflowModelRegistry {

	/**
	 * Registers a model name without description or tags.
	 * @param name the unique name
	 * @return the new registered model; fails with {@code RESOURCE_ALREADY_EXISTS} when the
	 * name is taken
	 */
	default Mono<RegisteredModel> createRegisteredModel(String name) {
		return createRegisteredModel(name, null, Map.of());
	}

	/**
	 * Registers a model name. Not retried once the request may have reached the server.
	 * @param name the unique name
	 * @param description a description, or {@code null}
	 * @param tags the model's tags
	 * @return the new registered model; fails with {@code RESOURCE_ALREADY_EXISTS} when the
	 * name is taken
	 */
	Mono<RegisteredModel> createRegisteredModel(String name, @Nullable String description, Map<String, String> tags);

	/**
	 * Reads a registered model, with its tags, aliases and latest version per stage.
	 * @param name the name
	 * @return the model; fails with {@code RESOURCE_DOES_NOT_EXIST} when there is none
	 */
	Mono<RegisteredModel> getRegisteredModel(String name);

	/**
	 * Renames a registered model; its versions follow. Not retried once the request may have
	 * reached the server (a second attempt would not find the old name).
	 * @param name the current name
	 * @param newName the new name
	 * @return the renamed model
	 */
	Mono<RegisteredModel> renameRegisteredModel(String name, String newName);

	/**
	 * Replaces the description of a registered model.
	 * @param name the name
	 * @param description the new description, or {@code null} to clear it
	 * @return the updated model
	 */
	Mono<RegisteredModel> updateRegisteredModel(String name, @Nullable String description);

	/**
	 * Deletes a registered model and all its versions, for good (the registry has no soft
	 * delete). Tried again after transient failures; when an earlier attempt deleted the model
	 * but its answer was lost, the {@code RESOURCE_DOES_NOT_EXIST} of the next attempt counts as
	 * success. Without a retry, deleting a model that does not exist fails with
	 * {@code RESOURCE_DOES_NOT_EXIST}.
	 * @param name the name
	 * @return completes when the model is deleted
	 */
	Mono<Void> deleteRegisteredModel(String name);

	/**
	 * Registered models that match a search, fetched page by page as the subscriber asks for
	 * more.
	 * @param search the filter, order and page size
	 * @return the models
	 */
	Flux<RegisteredModel> searchRegisteredModels(RegisteredModelSearch search);

	/**
	 * Sets a tag of a registered model, replacing any value it had.
	 * @param name the model name
	 * @param key the tag key
	 * @param value the tag value
	 * @return completes when the tag is set
	 */
	Mono<Void> setRegisteredModelTag(String name, String key, String value);

	/**
	 * Deletes a tag of a registered model. The server answers success when the tag is not set.
	 * @param name the model name
	 * @param key the tag key
	 * @return completes when the tag is gone
	 */
	Mono<Void> deleteRegisteredModelTag(String name, String key);

	/**
	 * Points an alias, such as {@code champion}, at a version, moving it from any version it
	 * pointed to before. The server reserves {@code latest} and names such as {@code v1}.
	 * @param name the model name
	 * @param alias the alias
	 * @param version the version number
	 * @return completes when the alias is set
	 */
	Mono<Void> setAlias(String name, String alias, String version);

	/**
	 * Deletes an alias of a registered model. The server answers success when the alias is not
	 * set.
	 * @param name the model name
	 * @param alias the alias
	 * @return completes when the alias is gone
	 */
	Mono<Void> deleteAlias(String name, String alias);

	/**
	 * The version an alias points to. Aliases are matched exactly (case-sensitive).
	 * <p>
	 * An alias that is not set is a normal state ("no champion yet"), so it completes empty,
	 * like {@link MlflowOperations#getExperimentByName(String)}; the server itself answers
	 * {@code INVALID_PARAMETER_VALUE} there, and the client checks the model's aliases to tell
	 * it from a real rejection. A model that does not exist is an error
	 * ({@code RESOURCE_DOES_NOT_EXIST}).
	 * @param name the model name
	 * @param alias the alias
	 * @return the version, or empty when the model has no such alias
	 */
	Mono<ModelVersion> getModelVersionByAlias(String name, String alias);

	/**
	 * The latest ready version of each of the given stages (stages without a version are left
	 * out), or of every stage when none is given.
	 * @param name the model name
	 * @param stages the stages, or none for all
	 * @return the versions
	 */
	Flux<ModelVersion> getLatestVersions(String name, ModelVersionStage... stages);

	/**
	 * Registers a new version of a model. Not retried once the request may have reached the
	 * server, since a second attempt would register a second version.
	 * @param name the registered model, which must exist
	 * @param spec the source of the model files, its run, tags and description
	 * @return the new version; it may still be registering, see {@link #awaitReady}
	 */
	Mono<ModelVersion> createModelVersion(String name, ModelVersionSpec spec);

	/**
	 * Registers the model files a run logged as artifacts as a new version of a model: the
	 * source is the run's artifact URI followed by the path, and the version links to the run.
	 * @param name the registered model, which must exist
	 * @param runId the run that logged the model files
	 * @param artifactPath the directory of the model files relative to the run's artifact root,
	 * such as {@code model}
	 * @return the new version
	 */
	default Mono<ModelVersion> createModelVersionFromRun(String name, String runId, String artifactPath) {
		return createModelVersionFromRun(name, runId, artifactPath, null, Map.of());
	}

	/**
	 * Registers the model files a run logged as artifacts as a new version of a model: the
	 * source is the run's artifact URI followed by the path, and the version links to the run.
	 * The run is read first for its artifact URI. The server does not check that the files
	 * exist.
	 * @param name the registered model, which must exist
	 * @param runId the run that logged the model files
	 * @param artifactPath the directory of the model files relative to the run's artifact root,
	 * such as {@code model}
	 * @param description a description, or {@code null}
	 * @param tags the version's tags
	 * @return the new version
	 */
	Mono<ModelVersion> createModelVersionFromRun(String name, String runId, String artifactPath,
			@Nullable String description, Map<String, String> tags);

	/**
	 * Reads a model version.
	 * @param name the model name
	 * @param version the version number
	 * @return the version; fails with {@code RESOURCE_DOES_NOT_EXIST} when there is none
	 */
	Mono<ModelVersion> getModelVersion(String name, String version);

	/**
	 * Replaces the description of a model version.
	 * @param name the model name
	 * @param version the version number
	 * @param description the new description, or {@code null} to clear it
	 * @return the updated version
	 */
	Mono<ModelVersion> updateModelVersion(String name, String version, @Nullable String description);

	/**
	 * Deletes a model version, for good; aliases pointing to it go with it. Tried again after
	 * transient failures; when an earlier attempt deleted the version but its answer was lost,
	 * the {@code RESOURCE_DOES_NOT_EXIST} of the next attempt counts as success. Without a
	 * retry, deleting a version that does not exist fails with {@code RESOURCE_DOES_NOT_EXIST}.
	 * @param name the model name
	 * @param version the version number
	 * @return completes when the version is deleted
	 */
	Mono<Void> deleteModelVersion(String name, String version);

	/**
	 * Model versions that match a search, fetched page by page as the subscriber asks for
	 * more.
	 * @param search the filter, order and page size
	 * @return the versions
	 */
	Flux<ModelVersion> searchModelVersions(ModelVersionSearch search);

	/**
	 * Sets a tag of a model version, replacing any value it had.
	 * @param name the model name
	 * @param version the version number
	 * @param key the tag key
	 * @param value the tag value
	 * @return completes when the tag is set
	 */
	Mono<Void> setModelVersionTag(String name, String version, String key, String value);

	/**
	 * Deletes a tag of a model version. The server answers success when the tag is not set.
	 * @param name the model name
	 * @param version the version number
	 * @param key the tag key
	 * @return completes when the tag is gone
	 */
	Mono<Void> deleteModelVersionTag(String name, String version, String key);

	/**
	 * Moves a model version to a stage. MLflow deprecates stages in favour of aliases.
	 * @param name the model name
	 * @param version the version number
	 * @param stage the new stage
	 * @param archiveExistingVersions whether the versions now in that stage move to
	 * {@link ModelVersionStage#ARCHIVED} (only for {@code STAGING} and {@code PRODUCTION})
	 * @return the version in its new stage
	 */
	Mono<ModelVersion> transitionModelVersionStage(String name, String version, ModelVersionStage stage,
			boolean archiveExistingVersions);

	/**
	 * Where the files of a model version can be downloaded from, such as
	 * {@code mlflow-artifacts:/1/<run id>/artifacts/model}.
	 * @param name the model name
	 * @param version the version number
	 * @return the URI, as the server spells it
	 */
	Mono<String> getModelVersionDownloadUri(String name, String version);

	/**
	 * Waits until a model version is registered, reading it about once a second.
	 * @param name the model name
	 * @param version the version number
	 * @param timeout how long to wait at most
	 * @return the ready version; fails with an {@link MlflowException} carrying the server's
	 * status message when registration failed, and with one naming the timeout and the last
	 * status when the version is not ready in time
	 */
	Mono<ModelVersion> awaitReady(String name, String version, Duration timeout);

}
