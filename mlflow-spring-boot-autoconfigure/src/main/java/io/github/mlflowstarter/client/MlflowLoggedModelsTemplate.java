package io.github.mlflowstarter.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.github.mlflowstarter.client.LoggedModelWireTypes.CreateLoggedModelRequest;
import io.github.mlflowstarter.client.LoggedModelWireTypes.FinalizeLoggedModelRequest;
import io.github.mlflowstarter.client.LoggedModelWireTypes.ListLoggedModelArtifactsResponse;
import io.github.mlflowstarter.client.LoggedModelWireTypes.LogLoggedModelParamsRequest;
import io.github.mlflowstarter.client.LoggedModelWireTypes.LoggedModelResponse;
import io.github.mlflowstarter.client.LoggedModelWireTypes.OrderBy;
import io.github.mlflowstarter.client.LoggedModelWireTypes.SearchLoggedModelsRequest;
import io.github.mlflowstarter.client.LoggedModelWireTypes.SearchLoggedModelsResponse;
import io.github.mlflowstarter.client.LoggedModelWireTypes.SetLoggedModelTagsRequest;
import io.github.mlflowstarter.client.WireTypes.Empty;
import io.github.mlflowstarter.client.model.FileInfo;
import io.github.mlflowstarter.client.model.LoggedModel;
import io.github.mlflowstarter.client.model.LoggedModelSearch;
import io.github.mlflowstarter.client.model.LoggedModelSpec;
import io.github.mlflowstarter.client.model.LoggedModelStatus;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.RunInfo;
import io.github.mlflowstarter.client.model.Tag;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;

import static io.github.mlflowstarter.client.Arguments.requireText;

/**
 * {@link MlflowLoggedModels} over the REST API of logged models. Model ids and tag keys travel as
 * URI variables, so they are encoded and the operation names of observations stay
 * low-cardinality ({@code logged-models.{model_id}.tags}). Artifact transfers reuse
 * {@link MlflowArtifactsTemplate}, pointed at the model's artifact URI.
 */
final class MlflowLoggedModelsTemplate implements MlflowLoggedModels {

	private static final String MODELS = "/logged-models";

	private static final String MODEL = MODELS + "/{model_id}";

	private final RestCalls rest;

	private final Function<String, Mono<RunInfo>> runInfo;

	private final ArtifactProxy proxy;

	private final MlflowArtifactsTemplate artifacts;

	/**
	 * Creates the logged model operations.
	 * @param rest the template's HTTP calls
	 * @param runInfo fetches the info of a run by id, for its experiment
	 */
	MlflowLoggedModelsTemplate(RestCalls rest, Function<String, Mono<RunInfo>> runInfo) {
		this.rest = rest;
		this.runInfo = runInfo;
		this.proxy = new ArtifactProxy(rest.trackingUri());
		this.artifacts = new MlflowArtifactsTemplate(rest, "modelId", this::listArtifactsOf, this::artifactFileUrl);
	}

	@Override
	public Mono<LoggedModel> createLoggedModel(String experimentId, LoggedModelSpec spec) {
		return Mono.defer(() -> {
			requireText(experimentId, "experimentId");
			Objects.requireNonNull(spec, "spec must not be null");
			CreateLoggedModelRequest request = new CreateLoggedModelRequest(experimentId, spec.name(),
					spec.modelType(), spec.sourceRunId(), spec.params().isEmpty() ? null : toParams(spec.params()),
					spec.tags().isEmpty() ? null : toTags(spec.tags()));
			return this.rest.post(MODELS, request, LoggedModelResponse.class, false);
		}).map(LoggedModelResponse::model);
	}

	@Override
	public Mono<LoggedModel> createLoggedModelForRun(String runId, LoggedModelSpec spec) {
		return Mono.defer(() -> {
			requireText(runId, "runId");
			Objects.requireNonNull(spec, "spec must not be null");
			return this.runInfo.apply(runId)
				.flatMap((info) -> createLoggedModel(info.experimentId(), spec.withSourceRunId(runId)));
		});
	}

	@Override
	public Mono<LoggedModel> logModelForRun(String runId, LoggedModelSpec spec,
			Function<String, Mono<Void>> uploadArtifacts) {
		Objects.requireNonNull(uploadArtifacts, "uploadArtifacts must not be null");
		return createLoggedModelForRun(runId, spec).flatMap((model) -> {
			String modelId = model.modelId();
			Mono<Void> upload = Mono.defer(() -> uploadArtifacts.apply(modelId));
			return upload
				.onErrorResume((uploadFailure) -> finalizeLoggedModel(modelId,
						LoggedModelStatus.LOGGED_MODEL_UPLOAD_FAILED)
					.onErrorResume((finalizeFailure) -> {
						uploadFailure.addSuppressed(finalizeFailure);
						return Mono.empty();
					})
					.then(Mono.<Void>error(uploadFailure)))
				.then(finalizeLoggedModel(modelId, LoggedModelStatus.LOGGED_MODEL_READY));
		});
	}

	@Override
	public Mono<LoggedModel> finalizeLoggedModel(String modelId, LoggedModelStatus status) {
		return Mono.defer(() -> {
			requireText(modelId, "modelId");
			Objects.requireNonNull(status, "status must not be null");
			if (!status.isFinal()) {
				throw new IllegalArgumentException("A logged model is finalized LOGGED_MODEL_READY or"
						+ " LOGGED_MODEL_UPLOAD_FAILED, not " + status);
			}
			return this.rest.send(HttpMethod.PATCH, MODEL, modelIdVariable(modelId),
					new FinalizeLoggedModelRequest(modelId, status), LoggedModelResponse.class, true);
		}).map(LoggedModelResponse::model);
	}

	@Override
	public Mono<LoggedModel> getLoggedModel(String modelId) {
		return Mono.defer(() -> {
			requireText(modelId, "modelId");
			return this.rest.get(MODEL, modelIdVariable(modelId), Map.of(), LoggedModelResponse.class);
		}).map(LoggedModelResponse::model);
	}

	@Override
	public Mono<Void> deleteLoggedModel(String modelId) {
		return Mono.defer(() -> {
			requireText(modelId, "modelId");
			return this.rest.send(HttpMethod.DELETE, MODEL, modelIdVariable(modelId), null, Empty.class, true);
		}).then();
	}

	@Override
	public Flux<LoggedModel> searchLoggedModels(LoggedModelSearch search) {
		Objects.requireNonNull(search, "search must not be null");
		List<OrderBy> orderBy = search.orderBy()
			.stream()
			.map((order) -> new OrderBy(order.fieldName(), order.ascending()))
			.toList();
		return new PageTokenPager<SearchLoggedModelsResponse>((token) -> this.rest.post(MODELS + "/search",
				new SearchLoggedModelsRequest(search.experimentIds(), search.filter(),
						orderBy.isEmpty() ? null : orderBy, search.pageSize(), token),
				SearchLoggedModelsResponse.class, true), SearchLoggedModelsResponse::nextPageToken)
			.pages()
			.concatMapIterable(SearchLoggedModelsResponse::modelsOrEmpty, 1);
	}

	@Override
	public Mono<Void> setLoggedModelTags(String modelId, Map<String, String> tags) {
		return Mono.defer(() -> {
			requireText(modelId, "modelId");
			Objects.requireNonNull(tags, "tags must not be null");
			if (tags.isEmpty()) {
				return Mono.empty();
			}
			return this.rest.send(HttpMethod.PATCH, MODEL + "/tags", modelIdVariable(modelId),
					new SetLoggedModelTagsRequest(toTags(tags)), Empty.class, true);
		}).then();
	}

	@Override
	public Mono<Void> deleteLoggedModelTag(String modelId, String key) {
		return Mono.defer(() -> {
			requireText(modelId, "modelId");
			requireText(key, "key");
			if (key.indexOf('/') >= 0) {
				throw new MlflowValidationException("Cannot delete tag '" + key + "' of logged model " + modelId
						+ ": the MLflow server takes the tag key of DELETE /logged-models/{model_id}/tags/{tag_key}"
						+ " as one path segment and decodes %2F before routing, so no request can reach a key"
						+ " that contains '/'. Overwrite the tag with setLoggedModelTags instead, and avoid '/'"
						+ " in the keys of logged model tags that may need deleting");
			}
			Map<String, String> variables = new LinkedHashMap<>(modelIdVariable(modelId));
			variables.put("tag_key", key);
			return this.rest.send(HttpMethod.DELETE, MODEL + "/tags/{tag_key}", variables, null, Empty.class,
					false);
		}).then();
	}

	@Override
	public Mono<Void> logLoggedModelParams(String modelId, Map<String, String> params) {
		return Mono.defer(() -> {
			requireText(modelId, "modelId");
			Objects.requireNonNull(params, "params must not be null");
			if (params.isEmpty()) {
				return Mono.empty();
			}
			return this.rest.send(HttpMethod.POST, MODEL + "/params", modelIdVariable(modelId),
					new LogLoggedModelParamsRequest(modelId, toParams(params)), Empty.class, false);
		}).then();
	}

	@Override
	public Flux<FileInfo> listLoggedModelArtifacts(String modelId, @Nullable String directory) {
		return this.artifacts.list(modelId, directory);
	}

	@Override
	public Mono<Void> uploadLoggedModelArtifact(String modelId, String artifactPath, Path file) {
		return this.artifacts.upload(modelId, artifactPath, file);
	}

	@Override
	public Mono<Void> uploadLoggedModelArtifact(String modelId, String artifactPath, byte[] content) {
		return this.artifacts.upload(modelId, artifactPath, content);
	}

	@Override
	public Flux<DataBuffer> downloadLoggedModelArtifact(String modelId, String artifactPath) {
		return this.artifacts.download(modelId, artifactPath);
	}

	@Override
	public Mono<byte[]> downloadLoggedModelArtifactBytes(String modelId, String artifactPath) {
		return this.artifacts.downloadBytes(modelId, artifactPath);
	}

	private Flux<FileInfo> listArtifactsOf(String modelId, @Nullable String directory) {
		return new PageTokenPager<ListLoggedModelArtifactsResponse>((token) -> {
			Map<String, List<String>> query = new LinkedHashMap<>();
			if (directory != null) {
				query.put("artifact_directory_path", List.of(directory));
			}
			if (token != null) {
				query.put("page_token", List.of(token));
			}
			return this.rest.get(MODEL + "/artifacts/directories", modelIdVariable(modelId), query,
					ListLoggedModelArtifactsResponse.class);
		}, ListLoggedModelArtifactsResponse::nextPageToken).pages()
			.concatMapIterable(ListLoggedModelArtifactsResponse::filesOrEmpty, 1);
	}

	private Mono<URI> artifactFileUrl(String modelId, String artifactPath) {
		return getLoggedModel(modelId).map((model) -> this.proxy.ownerFileUrl("logged model " + modelId,
				model.info().artifactUri(), artifactPath));
	}

	private static Map<String, String> modelIdVariable(String modelId) {
		return Map.of("model_id", modelId);
	}

	private static List<Param> toParams(Map<String, String> params) {
		return params.entrySet().stream().map((entry) -> Param.of(entry.getKey(), entry.getValue())).toList();
	}

	private static List<Tag> toTags(Map<String, String> tags) {
		return tags.entrySet().stream().map((entry) -> Tag.of(entry.getKey(), entry.getValue())).toList();
	}

}
