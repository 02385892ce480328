package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.mlflowstarter.client.RegistryWireTypes.CreateModelVersionRequest;
import io.github.mlflowstarter.client.RegistryWireTypes.CreateRegisteredModelRequest;
import io.github.mlflowstarter.client.RegistryWireTypes.DeleteAliasRequest;
import io.github.mlflowstarter.client.RegistryWireTypes.DeleteModelVersionTagRequest;
import io.github.mlflowstarter.client.RegistryWireTypes.DeleteRegisteredModelTagRequest;
import io.github.mlflowstarter.client.RegistryWireTypes.DownloadUriResponse;
import io.github.mlflowstarter.client.RegistryWireTypes.GetLatestVersionsRequest;
import io.github.mlflowstarter.client.RegistryWireTypes.ModelVersionKey;
import io.github.mlflowstarter.client.RegistryWireTypes.ModelVersionResponse;
import io.github.mlflowstarter.client.RegistryWireTypes.ModelVersionsResponse;
import io.github.mlflowstarter.client.RegistryWireTypes.RegisteredModelName;
import io.github.mlflowstarter.client.RegistryWireTypes.RegisteredModelResponse;
import io.github.mlflowstarter.client.RegistryWireTypes.RenameRegisteredModelRequest;
import io.github.mlflowstarter.client.RegistryWireTypes.SearchRegisteredModelsResponse;
import io.github.mlflowstarter.client.RegistryWireTypes.SetAliasRequest;
import io.github.mlflowstarter.client.RegistryWireTypes.SetModelVersionTagRequest;
import io.github.mlflowstarter.client.RegistryWireTypes.SetRegisteredModelTagRequest;
import io.github.mlflowstarter.client.RegistryWireTypes.TransitionStageRequest;
import io.github.mlflowstarter.client.RegistryWireTypes.UpdateModelVersionRequest;
import io.github.mlflowstarter.client.RegistryWireTypes.UpdateRegisteredModelRequest;
import io.github.mlflowstarter.client.WireTypes.Empty;
import io.github.mlflowstarter.client.model.ModelVersion;
import io.github.mlflowstarter.client.model.ModelVersionSearch;
import io.github.mlflowstarter.client.model.ModelVersionSpec;
import io.github.mlflowstarter.client.model.ModelVersionStage;
import io.github.mlflowstarter.client.model.ModelVersionStatus;
import io.github.mlflowstarter.client.model.RegisteredModel;
import io.github.mlflowstarter.client.model.RegisteredModelSearch;
import io.github.mlflowstarter.client.model.RunInfo;
import io.github.mlflowstarter.client.model.Tag;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpMethod;

import static io.github.mlflowstarter.client.Arguments.requireText;

/**
 * {@link MlflowModelRegistry} over the REST API of the model registry.
 */
final class MlflowModelRegistryTemplate implements MlflowModelRegistry {

	/** How often {@link #awaitReady} reads the version; MLflow's Python client waits 3 s. */
	static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

	private final RestCalls rest;

	private final Function<String, Mono<RunInfo>> runInfo;

	private final Duration pollInterval;

	/**
	 * Creates the registry operations.
	 * @param rest the template's HTTP calls
	 * @param runInfo fetches the info of a run by id, for its artifact URI
	 */
	MlflowModelRegistryTemplate(RestCalls rest, Function<String, Mono<RunInfo>> runInfo) {
		this(rest, runInfo, DEFAULT_POLL_INTERVAL);
	}

	MlflowModelRegistryTemplate(RestCalls rest, Function<String, Mono<RunInfo>> runInfo, Duration pollInterval) {
		this.rest = rest;
		this.runInfo = runInfo;
		this.pollInterval = pollInterval;
	}

	@Override
	public Mono<RegisteredModel> createRegisteredModel(String name, @Nullable String description,
			Map<String, String> tags) {
		return Mono.defer(() -> {
			requireText(name, "name");
			Objects.requireNonNull(tags, "tags must not be null");
			return this.rest.post("/registered-models/create",
					new CreateRegisteredModelRequest(name, description, tags.isEmpty() ? null : toTags(tags)),
					RegisteredModelResponse.class, false);
		}).map(RegisteredModelResponse::registeredModel);
	}

	@Override
	public Mono<RegisteredModel> getRegisteredModel(String name) {
		return Mono.defer(() -> {
			requireText(name, "name");
			return this.rest.get("/registered-models/get", Map.of("name", List.of(name)),
					RegisteredModelResponse.class);
		}).map(RegisteredModelResponse::registeredModel);
	}

	@Override
	public Mono<RegisteredModel> renameRegisteredModel(String name, String newName) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(newName, "newName");
			return this.rest.post("/registered-models/rename", new RenameRegisteredModelRequest(name, newName),
					RegisteredModelResponse.class, false);
		}).map(RegisteredModelResponse::registeredModel);
	}

	@Override
	public Mono<RegisteredModel> updateRegisteredModel(String name, @Nullable String description) {
		return Mono.defer(() -> {
			requireText(name, "name");
			return this.rest.send(HttpMethod.PATCH, "/registered-models/update",
					new UpdateRegisteredModelRequest(name, (description != null) ? description : ""),
					RegisteredModelResponse.class, true);
		}).map(RegisteredModelResponse::registeredModel);
	}

	@Override
	public Mono<Void> deleteRegisteredModel(String name) {
		return Mono.defer(() -> {
			requireText(name, "name");
			return deleteTolerantOfRetries("/registered-models/delete", new RegisteredModelName(name));
		});
	}

	@Override
	public Flux<RegisteredModel> searchRegisteredModels(RegisteredModelSearch search) {
		Objects.requireNonNull(search, "search must not be null");
		return new PageTokenPager<SearchRegisteredModelsResponse>(
				(token) -> this.rest.get("/registered-models/search",
						searchQuery(search.filter(), search.orderBy(), search.pageSize(), token),
						SearchRegisteredModelsResponse.class),
				SearchRegisteredModelsResponse::nextPageToken)
			.pages()
			.concatMapIterable(SearchRegisteredModelsResponse::registeredModelsOrEmpty);
	}

	@Override
	public Mono<Void> setRegisteredModelTag(String name, String key, String value) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(key, "key");
			Objects.requireNonNull(value, "value must not be null");
			return this.rest.post("/registered-models/set-tag", new SetRegisteredModelTagRequest(name, key, value),
					Empty.class, true);
		}).then();
	}

	@Override
	public Mono<Void> deleteRegisteredModelTag(String name, String key) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(key, "key");
			return this.rest.send(HttpMethod.DELETE, "/registered-models/delete-tag",
					new DeleteRegisteredModelTagRequest(name, key), Empty.class, true);
		}).then();
	}

	@Override
	public Mono<Void> setAlias(String name, String alias, String version) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(alias, "alias");
			requireText(version, "version");
			return this.rest.post("/registered-models/alias", new SetAliasRequest(name, alias, version),
					Empty.class, true);
		}).then();
	}

	@Override
	public Mono<Void> deleteAlias(String name, String alias) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(alias, "alias");
			return this.rest.send(HttpMethod.DELETE, "/registered-models/alias", new DeleteAliasRequest(name, alias),
					Empty.class, true);
		}).then();
	}

	@Override
	public Mono<ModelVersion> getModelVersionByAlias(String name, String alias) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(alias, "alias");
			Map<String, List<String>> query = new LinkedHashMap<>();
			query.put("name", List.of(name));
			query.put("alias", List.of(alias));
			return this.rest.get("/registered-models/alias", query, ModelVersionResponse.class)
				.map(ModelVersionResponse::modelVersion)
				.onErrorResume(MlflowModelRegistryTemplate::isInvalidParameter,
						(ex) -> emptyIfAliasIsUnset(name, alias, ex));
		});
	}

	/**
	 * The server answers {@code INVALID_PARAMETER_VALUE} both for an alias that is not set and
	 * for a request it rejects; the model's own list of aliases tells which, without relying on
	 * the wording of the server's message.
	 */
	private Mono<ModelVersion> emptyIfAliasIsUnset(String name, String alias, Throwable error) {
		return getRegisteredModel(name).flatMap((model) -> model.aliasedVersion(alias).isPresent()
				? Mono.<ModelVersion>error(error) : Mono.<ModelVersion>empty());
	}

	@Override
	public Flux<ModelVersion> getLatestVersions(String name, ModelVersionStage... stages) {
		return Mono.defer(() -> {
			requireText(name, "name");
			Objects.requireNonNull(stages, "stages must not be null");
			return this.rest.post("/registered-models/get-latest-versions",
					new GetLatestVersionsRequest(name, List.of(stages)), ModelVersionsResponse.class, true);
		}).flatMapIterable(ModelVersionsResponse::modelVersionsOrEmpty);
	}

	@Override
	public Mono<ModelVersion> createModelVersion(String name, ModelVersionSpec spec) {
		return Mono.defer(() -> {
			requireText(name, "name");
			Objects.requireNonNull(spec, "spec must not be null");
			return this.rest.post("/model-versions/create",
					new CreateModelVersionRequest(name, spec.source(), spec.runId(),
							spec.tags().isEmpty() ? null : toTags(spec.tags()), spec.runLink(), spec.description()),
					ModelVersionResponse.class, false);
		}).map(ModelVersionResponse::modelVersion);
	}

	@Override
	public Mono<ModelVersion> createModelVersionFromRun(String name, String runId, String artifactPath,
			@Nullable String description, Map<String, String> tags) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(runId, "runId");
			requireText(artifactPath, "artifactPath");
			Objects.requireNonNull(tags, "tags must not be null");
			String directory = ArtifactPaths.checkDirectory(artifactPath);
			return this.runInfo.apply(runId).flatMap((info) -> {
				String artifactUri = info.artifactUri();
				if (artifactUri == null || artifactUri.isBlank()) {
					return Mono.error(new MlflowException("Run " + runId + " has no artifact URI, so its artifact '"
							+ artifactPath + "' cannot be registered; register an explicit source with"
							+ " createModelVersion instead"));
				}
				String base = artifactUri.endsWith("/") ? artifactUri : artifactUri + "/";
				ModelVersionSpec spec = ModelVersionSpec.source((directory != null) ? base + directory : artifactUri)
					.withRunId(runId)
					.withTags(tags)
					.withDescription(description);
				return createModelVersion(name, spec);
			});
		});
	}

	@Override
	public Mono<ModelVersion> getModelVersion(String name, String version) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(version, "version");
			return this.rest.get("/model-versions/get", versionQuery(name, version), ModelVersionResponse.class);
		}).map(ModelVersionResponse::modelVersion);
	}

	@Override
	public Mono<ModelVersion> updateModelVersion(String name, String version, @Nullable String description) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(version, "version");
			return this.rest.send(HttpMethod.PATCH, "/model-versions/update",
					new UpdateModelVersionRequest(name, version, (description != null) ? description : ""),
					ModelVersionResponse.class, true);
		}).map(ModelVersionResponse::modelVersion);
	}

	@Override
	public Mono<Void> deleteModelVersion(String name, String version) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(version, "version");
			return deleteTolerantOfRetries("/model-versions/delete", new ModelVersionKey(name, version));
		});
	}

	@Override
	public Flux<ModelVersion> searchModelVersions(ModelVersionSearch search) {
		Objects.requireNonNull(search, "search must not be null");
		return new PageTokenPager<ModelVersionsResponse>(
				(token) -> this.rest.get("/model-versions/search",
						searchQuery(search.filter(), search.orderBy(), search.pageSize(), token),
						ModelVersionsResponse.class),
				ModelVersionsResponse::nextPageToken)
			.pages()
			.concatMapIterable(ModelVersionsResponse::modelVersionsOrEmpty);
	}

	@Override
	public Mono<Void> setModelVersionTag(String name, String version, String key, String value) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(version, "version");
			requireText(key, "key");
			Objects.requireNonNull(value, "value must not be null");
			return this.rest.post("/model-versions/set-tag", new SetModelVersionTagRequest(name, version, key, value),
					Empty.class, true);
		}).then();
	}

	@Override
	public Mono<Void> deleteModelVersionTag(String name, String version, String key) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(version, "version");
			requireText(key, "key");
			return this.rest.send(HttpMethod.DELETE, "/model-versions/delete-tag",
					new DeleteModelVersionTagRequest(name, version, key), Empty.class, true);
		}).then();
	}

	@Override
	public Mono<ModelVersion> transitionModelVersionStage(String name, String version, ModelVersionStage stage,
			boolean archiveExistingVersions) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(version, "version");
			Objects.requireNonNull(stage, "stage must not be null");
			return this.rest.post("/model-versions/transition-stage",
					new TransitionStageRequest(name, version, stage, archiveExistingVersions),
					ModelVersionResponse.class, true);
		}).map(ModelVersionResponse::modelVersion);
	}

	@Override
	public Mono<String> getModelVersionDownloadUri(String name, String version) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(version, "version");
			return this.rest.get("/model-versions/get-download-uri", versionQuery(name, version),
					DownloadUriResponse.class);
		}).map(DownloadUriResponse::artifactUri);
	}

	@Override
	public Mono<ModelVersion> awaitReady(String name, String version, Duration timeout) {
		return Mono.defer(() -> {
			requireText(name, "name");
			requireText(version, "version");
			Objects.requireNonNull(timeout, "timeout must not be null");
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("timeout must be positive but was " + timeout);
			}
			AtomicReference<@Nullable ModelVersion> last = new AtomicReference<>();
			return getModelVersion(name, version).flatMap((current) -> {
				last.set(current);
				if (current.status() == ModelVersionStatus.FAILED_REGISTRATION) {
					return Mono.error(new MlflowException("Registration of version " + version + " of model '" + name
							+ "' failed: " + statusMessage(current) + ". Check its source '" + current.source()
							+ "', then register a new version"));
				}
				return current.isReady() ? Mono.just(current) : Mono.error(new StillPending());
			})
				.retryWhen(Retry.fixedDelay(Long.MAX_VALUE, this.pollInterval)
					.filter(StillPending.class::isInstance))
				.timeout(timeout, Mono.defer(() -> Mono.error(notReadyInTime(name, version, timeout, last.get()))));
		});
	}

	private static MlflowException notReadyInTime(String name, String version, Duration timeout,
			@Nullable ModelVersion last) {
		String state = (last != null)
				? "its status is still " + ((last.status() != null) ? last.status() : "unknown") + " ("
						+ statusMessage(last) + ")"
				: "the server did not answer in time";
		return new MlflowException("Version " + version + " of model '" + name + "' was not ready within " + timeout
				+ ": " + state + ". Wait longer, or check the MLflow server's log");
	}

	private static String statusMessage(ModelVersion version) {
		String message = version.statusMessage();
		return (message != null && !message.isBlank()) ? message.strip() : "the server gave no status message";
	}

	/**
	 * Deletes with retries after transient failures. When an earlier attempt reached the server
	 * but its answer was lost, the next one answers {@code RESOURCE_DOES_NOT_EXIST}: the entity
	 * is gone, as asked, so that counts as success. Without a retry the error stands.
	 */
	private Mono<Void> deleteTolerantOfRetries(String path, Object body) {
		AtomicBoolean retried = new AtomicBoolean();
		return this.rest.send(HttpMethod.DELETE, path, body, Empty.class, true, () -> retried.set(true))
			.onErrorResume((ex) -> retried.get() && isDoesNotExist(ex), (ex) -> Mono.empty())
			.then();
	}

	private static Map<String, List<String>> searchQuery(@Nullable String filter, List<String> orderBy,
			int pageSize, @Nullable String token) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (filter != null && !filter.isBlank()) {
			query.put("filter", List.of(filter));
		}
		query.put("max_results", List.of(String.valueOf(pageSize)));
		if (!orderBy.isEmpty()) {
			query.put("order_by", orderBy);
		}
		if (token != null) {
			query.put("page_token", List.of(token));
		}
		return query;
	}

	private static Map<String, List<String>> versionQuery(String name, String version) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		query.put("name", List.of(name));
		query.put("version", List.of(version));
		return query;
	}

	private static List<Tag> toTags(Map<String, String> tags) {
		return tags.entrySet().stream().map((entry) -> Tag.of(entry.getKey(), entry.getValue())).toList();
	}

	private static boolean isDoesNotExist(Throwable error) {
		return error instanceof MlflowApiException api && api.hasErrorCode(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST);
	}

	private static boolean isInvalidParameter(Throwable error) {
		return error instanceof MlflowApiException api && api.hasErrorCode(MlflowErrorCodes.INVALID_PARAMETER_VALUE);
	}

	/** The version is still registering; a signal to read it again, never seen by callers. */
	private static final class StillPending extends RuntimeException {

		private static final long serialVersionUID = 1L;

		StillPending() {
			super(null, null, false, false);
		}

	}

}
