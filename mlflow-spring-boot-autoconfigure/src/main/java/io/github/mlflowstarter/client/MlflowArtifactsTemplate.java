package io.github.mlflowstarter.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.github.mlflowstarter.client.ArtifactWireTypes.ListArtifactsResponse;
import io.github.mlflowstarter.client.model.FileInfo;
import io.github.mlflowstarter.client.model.RunInfo;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * {@link MlflowArtifacts} over the {@link RestCalls} of an {@link MlflowTemplate}: listing through
 * the tracking API, uploads and downloads through the server's artifact proxy at the URL the
 * run's artifact URI maps to.
 * <p>
 * The same transfers serve the artifacts of logged models, whose artifact URIs have the same
 * form: {@link #MlflowArtifactsTemplate(RestCalls, String, BiFunction, BiFunction)} takes how to
 * list an owner's artifacts and where its files live.
 */
final class MlflowArtifactsTemplate implements MlflowArtifacts {

	private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private final RestCalls rest;

	private final String idName;

	private final BiFunction<String, @Nullable String, Flux<FileInfo>> lister;

	private final BiFunction<String, String, Mono<URI>> fileUrl;

	private final ArtifactProxy proxy;

	/**
	 * Creates the artifact operations on runs.
	 * @param rest the template's HTTP calls
	 * @param runInfo fetches the info of a run by id, for its artifact URI
	 */
	MlflowArtifactsTemplate(RestCalls rest, Function<String, Mono<RunInfo>> runInfo) {
		this.rest = rest;
		this.idName = "runId";
		this.lister = this::listRunArtifacts;
		this.proxy = new ArtifactProxy(rest.trackingUri());
		this.fileUrl = (runId, artifactPath) -> runInfo.apply(runId)
			.map((info) -> this.proxy.fileUrl(runId, info.artifactUri(), artifactPath));
	}

	/**
	 * Creates artifact operations on another owner of artifacts, such as a logged model.
	 * @param rest the template's HTTP calls
	 * @param idName the name of the owner's id in messages, such as {@code modelId}
	 * @param lister lists the entries of a {@linkplain ArtifactPaths#checkDirectory checked}
	 * directory of an owner ({@code null} for the root)
	 * @param fileUrl the proxy URL of a {@linkplain ArtifactPaths#checkFile checked} file of an
	 * owner
	 */
	MlflowArtifactsTemplate(RestCalls rest, String idName, BiFunction<String, @Nullable String, Flux<FileInfo>> lister,
			BiFunction<String, String, Mono<URI>> fileUrl) {
		this.rest = rest;
		this.idName = idName;
		this.lister = lister;
		this.fileUrl = fileUrl;
		this.proxy = new ArtifactProxy(rest.trackingUri());
	}

	@Override
	public Flux<FileInfo> list(String runId, @Nullable String path) {
		requireRunId(runId);
		return this.lister.apply(runId, ArtifactPaths.checkDirectory(path));
	}

	private Flux<FileInfo> listRunArtifacts(String runId, @Nullable String directory) {
		return new PageTokenPager<ListArtifactsResponse>((token) -> {
			Map<String, List<String>> query = new LinkedHashMap<>();
			query.put("run_id", List.of(runId));
			if (directory != null) {
				query.put("path", List.of(directory));
			}
			if (token != null) {
				query.put("page_token", List.of(token));
			}
			return this.rest.get("/artifacts/list", query, ListArtifactsResponse.class);
		}, ListArtifactsResponse::nextPageToken).pages().concatMapIterable(ListArtifactsResponse::filesOrEmpty);
	}

	@Override
	public Flux<FileInfo> listRecursive(String runId, @Nullable String path) {
		return list(runId, path).concatMap((entry) -> entry.isDir()
				? Flux.just(entry).concatWith(Flux.defer(() -> listRecursive(runId, entry.path()))) : Flux.just(entry));
	}

	@Override
	public Mono<Void> upload(String runId, String artifactPath, Path file) {
		Objects.requireNonNull(file, "file must not be null");
		Mono<Void> upload = upload(runId, artifactPath, null, BodyInserters.fromResource(new FileSystemResource(file)),
				true);
		return Mono.defer(() -> Files.isRegularFile(file) ? upload
				: Mono.error(new IllegalArgumentException("Cannot upload '" + file + "' as artifact '" + artifactPath
						+ "': it is not a regular file")));
	}

	@Override
	public Mono<Void> upload(String runId, String artifactPath, byte[] content) {
		Objects.requireNonNull(content, "content must not be null");
		return upload(runId, artifactPath, MediaType.APPLICATION_OCTET_STREAM, BodyInserters.fromValue(content),
				true);
	}

	@Override
	public Mono<Void> upload(String runId, String artifactPath, Flux<DataBuffer> content) {
		Objects.requireNonNull(content, "content must not be null");
		return upload(runId, artifactPath, MediaType.APPLICATION_OCTET_STREAM,
				BodyInserters.fromDataBuffers(content), false);
	}

	@Override
	public Mono<Void> uploadText(String runId, String artifactPath, String text) {
		Objects.requireNonNull(text, "text must not be null");
		return upload(runId, artifactPath, TEXT, BodyInserters.fromValue(text.getBytes(StandardCharsets.UTF_8)),
				true);
	}

	@Override
	public Mono<Void> uploadJson(String runId, String artifactPath, Object value) {
		Objects.requireNonNull(value, "value must not be null");
		return upload(runId, artifactPath, MediaType.APPLICATION_JSON, BodyInserters.fromValue(value), true);
	}

	private Mono<Void> upload(String runId, String artifactPath, @Nullable MediaType contentType,
			BodyInserter<?, ? super ClientHttpRequest> body, boolean repeatableBody) {
		requireRunId(runId);
		ArtifactPaths.checkFile(artifactPath);
		return fileUrl(runId, artifactPath).flatMap((url) -> this.rest.put(url, "mlflow-artifacts.upload",
				contentType, body, repeatableBody, this.proxy::explain));
	}

	@Override
	public Flux<DataBuffer> download(String runId, String artifactPath) {
		requireRunId(runId);
		ArtifactPaths.checkFile(artifactPath);
		return fileUrl(runId, artifactPath)
			.flatMapMany((url) -> this.rest.getStream(url, "mlflow-artifacts.download", this.proxy::explain));
	}

	@Override
	public Mono<Void> download(String runId, String artifactPath, Path target) {
		Objects.requireNonNull(target, "target must not be null");
		Flux<DataBuffer> content = download(runId, artifactPath);
		Mono<Path> partialFile = onBoundedElastic(Mono.fromCallable(() -> temporarySibling(target)));
		return Mono.usingWhen(partialFile,
				(partial) -> DataBufferUtils.write(content, partial, StandardOpenOption.WRITE)
					.then(onBoundedElastic(Mono.fromRunnable(() -> replace(partial, target)))),
				MlflowArtifactsTemplate::deleteQuietly);
	}

	@Override
	public Mono<byte[]> downloadBytes(String runId, String artifactPath) {
		return DataBufferUtils.join(download(runId, artifactPath)).map((buffer) -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).defaultIfEmpty(new byte[0]);
	}

	@Override
	public Mono<String> downloadText(String runId, String artifactPath) {
		return downloadBytes(runId, artifactPath).map((bytes) -> new String(bytes, StandardCharsets.UTF_8));
	}

	private Mono<URI> fileUrl(String runId, String artifactPath) {
		return this.fileUrl.apply(runId, artifactPath);
	}

	private void requireRunId(@Nullable String runId) {
		if (runId == null || runId.isBlank()) {
			throw new IllegalArgumentException(this.idName + " must not be null or blank");
		}
	}

	/**
	 * Creates an empty file next to the target, creating missing directories, to download into
	 * so that the target only ever holds a complete file.
	 */
	private static Path temporarySibling(Path target) throws IOException {
		Path absolute = target.toAbsolutePath();
		Path directory = absolute.getParent();
		Files.createDirectories(directory);
		return Files.createTempFile(directory, "." + absolute.getFileName(), ".part");
	}

	private static void replace(Path partial, Path target) {
		try {
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			try {
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException moveFailure) {
				throw new UncheckedIOException(moveFailure);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Mono<Void> deleteQuietly(Path partial) {
		return onBoundedElastic(Mono.fromRunnable(() -> {
			try {
				Files.deleteIfExists(partial);
			}
			catch (IOException ex) {
				// the download's own outcome is the one to report
			}
		}));
	}

	/** File-system calls block; keep them off the event loop. */
	private static <T> Mono<T> onBoundedElastic(Mono<T> blocking) {
		return blocking.subscribeOn(Schedulers.boundedElastic());
	}

}
