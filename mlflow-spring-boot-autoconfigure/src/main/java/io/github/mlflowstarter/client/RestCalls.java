package io.github.mlflowstarter.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * Sends one request to the MLflow REST API and maps the answer: a 2xx body is decoded, an error
 * becomes an {@link MlflowApiException}, a failed TLS handshake an {@link MlflowTlsException}, and
 * any other transport failure an {@link MlflowUnreachableException} that names the server.
 * <p>
 * Query values travel as URI variables, so they are fully encoded and the URI template that
 * {@code http.client.requests} observations see stays low-cardinality.
 */
final class RestCalls {

	static final String API_PREFIX = "/api/2.0/mlflow";

	/**
	 * The twin of the REST API that MLflow's UI calls; a few endpoints are only reachable here
	 * (the proto of {@code searchDatasets} declares a path without its leading slash).
	 */
	static final String UI_API_PREFIX = "/ajax-api/2.0/mlflow";

	private final WebClient webClient;

	private final URI trackingUri;

	private final MlflowErrorTranslator errorTranslator;

	private final RetryPolicy retryPolicy;

	private final MlflowCallObserver observer;

	RestCalls(WebClient webClient, URI trackingUri, RetryPolicy retryPolicy, MlflowCallObserver observer) {
		this(webClient, trackingUri, retryPolicy, observer, MlflowCredentialsDescription.UNKNOWN);
	}

	RestCalls(WebClient webClient, URI trackingUri, RetryPolicy retryPolicy, MlflowCallObserver observer,
			MlflowCredentialsDescription credentials) {
		this.webClient = webClient;
		this.trackingUri = trackingUri;
		this.errorTranslator = new MlflowErrorTranslator(trackingUri, credentials);
		this.retryPolicy = retryPolicy;
		this.observer = observer;
	}

	URI trackingUri() {
		return this.trackingUri;
	}

	/**
	 * Sends a GET; reads are always safe to repeat.
	 */
	<T> Mono<T> get(String path, Map<String, List<String>> query, Class<T> responseType) {
		return get(path, Map.of(), query, responseType);
	}

	/**
	 * Sends a GET to a path with variables, such as {@code /logged-models/{model_id}}; reads are
	 * always safe to repeat. Each variable is encoded as one path segment ({@code /} becomes
	 * {@code %2F}, a space {@code %20}), and the operation is named after the template, not the
	 * values, so that observations stay low-cardinality.
	 * @param pathTemplate the path below {@link #API_PREFIX}, with {@code {name}} placeholders
	 * @param pathVariables the value of each placeholder
	 * @param query the query parameters
	 * @param responseType the type of the response body
	 */
	<T> Mono<T> get(String pathTemplate, Map<String, String> pathVariables, Map<String, List<String>> query,
			Class<T> responseType) {
		StringBuilder template = new StringBuilder(API_PREFIX).append(pathTemplate);
		Map<String, Object> variables = new LinkedHashMap<>(pathVariables);
		query.forEach((name, values) -> {
			for (int i = 0; i < values.size(); i++) {
				String variable = (values.size() == 1) ? name : name + i;
				while (pathVariables.containsKey(variable)) {
					variable = "query_" + variable;
				}
				template.append((template.indexOf("?") < 0) ? '?' : '&')
					.append(name)
					.append("={")
					.append(variable)
					.append('}');
				variables.put(variable, values.get(i));
			}
		});
		String operation = "GET " + API_PREFIX + expand(pathTemplate, pathVariables);
		Mono<T> request = this.webClient.get()
			.uri(template.toString(), variables)
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono((response) -> decode(operation, response, responseType))
			.onErrorMap(RestCalls::isTransportFailure, (ex) -> transportFailure(operation, ex));
		return this.observer.observe(operationName(pathTemplate),
				Retries.withRetries(request, this.retryPolicy, Retries::isTransient, operation, () -> {
				}));
	}

	/**
	 * Reads a plain-text endpoint outside the REST API, such as {@code /health} or
	 * {@code /version}, relative to the tracking URI. Not retried: it answers about now.
	 */
	Mono<String> getText(String path) {
		String operation = "GET " + path;
		Mono<String> request = this.webClient.get()
			.uri(path)
			.exchangeToMono((response) -> decode(operation, response, String.class))
			.defaultIfEmpty("")
			.onErrorMap(RestCalls::isTransportFailure, (ex) -> transportFailure(operation, ex));
		return this.observer.observe("server" + path.replace('/', '.'), request);
	}

	/**
	 * Sends a POST with a JSON body.
	 * @param safeToRepeat whether applying the request twice does no harm; when {@code false}
	 * the request is only sent again when it certainly never reached the server
	 */
	<T> Mono<T> post(String path, Object body, Class<T> responseType, boolean safeToRepeat) {
		return post(path, body, responseType, this.retryPolicy, safeToRepeat, () -> {
		});
	}

	/**
	 * Sends a POST with a JSON body under a retry policy of the caller's choice.
	 */
	<T> Mono<T> post(String path, Object body, Class<T> responseType, RetryPolicy policy, boolean safeToRepeat,
			Runnable onRetry) {
		return send(HttpMethod.POST, path, body, responseType, policy, safeToRepeat, onRetry);
	}

	/**
	 * Sends a request with a JSON body with any method; MLflow uses PATCH and DELETE (with a
	 * body) for some model registry and logged model endpoints.
	 * @param safeToRepeat whether applying the request twice does no harm; when {@code false}
	 * the request is only sent again when it certainly never reached the server
	 */
	<T> Mono<T> send(HttpMethod method, String path, Object body, Class<T> responseType, boolean safeToRepeat) {
		return send(method, path, body, responseType, this.retryPolicy, safeToRepeat, () -> {
		});
	}

	/**
	 * Sends a request with a JSON body with any method, telling the caller about each retry,
	 * for example so that a delete can tell "already deleted by my earlier attempt" from
	 * "never existed".
	 * @param safeToRepeat whether applying the request twice does no harm; when {@code false}
	 * the request is only sent again when it certainly never reached the server
	 * @param onRetry called before each new attempt
	 */
	<T> Mono<T> send(HttpMethod method, String path, Object body, Class<T> responseType, boolean safeToRepeat,
			Runnable onRetry) {
		return send(method, path, body, responseType, this.retryPolicy, safeToRepeat, onRetry);
	}

	/**
	 * Sends a request with any method to a path with variables, such as
	 * {@code /logged-models/{model_id}/tags/{tag_key}}. Each variable is encoded as one path
	 * segment ({@code /} becomes {@code %2F}, a space {@code %20}), and the operation is named
	 * after the template ({@code logged-models.{model_id}.tags.{tag_key}}), not the values, so
	 * that observations stay low-cardinality.
	 * @param pathTemplate the path below {@link #API_PREFIX}, with {@code {name}} placeholders
	 * @param pathVariables the value of each placeholder
	 * @param body the JSON body, or {@code null} to send none (MLflow treats a missing body as
	 * {@code {}})
	 * @param safeToRepeat whether applying the request twice does no harm; when {@code false}
	 * the request is only sent again when it certainly never reached the server
	 */
	<T> Mono<T> send(HttpMethod method, String pathTemplate, Map<String, String> pathVariables,
			@Nullable Object body, Class<T> responseType, boolean safeToRepeat) {
		return exchange(method, API_PREFIX, pathTemplate, pathVariables, body, responseType, this.retryPolicy,
				safeToRepeat, () -> {
				});
	}

	/**
	 * Sends a POST with a JSON body to the UI's twin of the REST API ({@link #UI_API_PREFIX}),
	 * for the endpoints the REST API does not route.
	 */
	<T> Mono<T> postToUiApi(String path, Object body, Class<T> responseType, boolean safeToRepeat) {
		return exchange(HttpMethod.POST, UI_API_PREFIX, path, Map.of(), body, responseType, this.retryPolicy,
				safeToRepeat, () -> {
				});
	}

	private <T> Mono<T> send(HttpMethod method, String path, Object body, Class<T> responseType, RetryPolicy policy,
			boolean safeToRepeat, Runnable onRetry) {
		return exchange(method, API_PREFIX, path, Map.of(), body, responseType, policy, safeToRepeat, onRetry);
	}

	private <T> Mono<T> exchange(HttpMethod method, String prefix, String pathTemplate,
			Map<String, String> pathVariables, @Nullable Object body, Class<T> responseType, RetryPolicy policy,
			boolean safeToRepeat, Runnable onRetry) {
		String operation = method.name() + " " + prefix + expand(pathTemplate, pathVariables);
		WebClient.RequestBodySpec spec = this.webClient.method(method)
			.uri(prefix + pathTemplate, pathVariables)
			.accept(MediaType.APPLICATION_JSON);
		WebClient.RequestHeadersSpec<?> withBody = (body != null)
				? spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : spec;
		Mono<T> request = withBody.exchangeToMono((response) -> decode(operation, response, responseType))
			.onErrorMap(RestCalls::isTransportFailure, (ex) -> transportFailure(operation, ex));
		Predicate<Throwable> retryable = safeToRepeat ? Retries::isTransient : Retries::wasNeverSent;
		return this.observer.observe(operationName(pathTemplate),
				Retries.withRetries(request, policy, retryable, operation, onRetry));
	}

	/**
	 * Sends a PUT of a raw body to a URL outside the REST API, such as a file of the artifact
	 * proxy, and ignores the body of a successful answer. PUT is idempotent, so the request is
	 * tried again after transient failures, but only when the body can be produced again.
	 * @param url the absolute URL
	 * @param operationName a low-cardinality name for observations
	 * @param contentType the content type, or {@code null} to let the body inserter choose
	 * @param body the body
	 * @param repeatableBody whether the body can be written again (a file, a byte array); a
	 * one-shot publisher is never retried
	 * @param errorMapper turns an error into the one the caller should see, before the retry
	 * decision
	 */
	Mono<Void> put(URI url, String operationName, @Nullable MediaType contentType,
			BodyInserter<?, ? super ClientHttpRequest> body, boolean repeatableBody,
			UnaryOperator<Throwable> errorMapper) {
		String operation = "PUT " + url.getRawPath();
		WebClient.RequestBodySpec spec = this.webClient.put().uri(url);
		if (contentType != null) {
			spec = spec.contentType(contentType);
		}
		Mono<Void> request = spec.body(body)
			.exchangeToMono((response) -> decode(operation, response, Void.class))
			.onErrorMap(RestCalls::isTransportFailure, (ex) -> transportFailure(operation, ex))
			.onErrorMap(errorMapper::apply);
		Predicate<Throwable> retryable = repeatableBody ? Retries::isTransient : (ex) -> false;
		return this.observer.observe(operationName,
				Retries.withRetries(request, this.retryPolicy, retryable, operation, () -> {
				}));
	}

	/**
	 * Sends a GET to a URL outside the REST API, such as a file of the artifact proxy, and
	 * streams the body as it arrives, without a limit on its size. The request is tried again
	 * after transient failures until the answer's status line arrives, never once the body
	 * streams.
	 * @param url the absolute URL
	 * @param operationName a low-cardinality name for observations
	 * @param errorMapper turns an error into the one the caller should see, before the retry
	 * decision
	 */
	Flux<DataBuffer> getStream(URI url, String operationName, UnaryOperator<Throwable> errorMapper) {
		String operation = "GET " + url.getRawPath();
		Mono<ResponseEntity<Flux<DataBuffer>>> request = this.webClient.get()
			.uri(url)
			.retrieve()
			.onStatus((status) -> !status.is2xxSuccessful(),
					(response) -> decode(operation, response, Void.class).then(Mono.<Throwable>empty()))
			.toEntityFlux(DataBuffer.class)
			.onErrorMap(RestCalls::isTransportFailure, (ex) -> transportFailure(operation, ex))
			.onErrorMap(errorMapper::apply);
		Mono<ResponseEntity<Flux<DataBuffer>>> retried = Retries.withRetries(request, this.retryPolicy,
				Retries::isTransient, operation, () -> {
				});
		return this.observer.observe(operationName, retried)
			.flatMapMany((entity) -> (entity.getBody() != null) ? entity.getBody() : Flux.<DataBuffer>empty())
			.onErrorMap(RestCalls::isTransportFailure, (ex) -> transportFailure(operation, ex));
	}

	/**
	 * A bounded operation name from the endpoint path: {@code /runs/log-batch} becomes
	 * {@code runs.log-batch}.
	 */
	static String operationName(String path) {
		return (path.startsWith("/") ? path.substring(1) : path).replace('/', '.');
	}

	/**
	 * The path with its variables filled in as they are, for messages: readable rather than
	 * encoded.
	 */
	static String expand(String pathTemplate, Map<String, String> pathVariables) {
		String path = pathTemplate;
		for (Map.Entry<String, String> variable : pathVariables.entrySet()) {
			path = path.replace("{" + variable.getKey() + "}", variable.getValue());
		}
		return path;
	}

	private <T> Mono<T> decode(String operation, ClientResponse response, Class<T> responseType) {
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(responseType);
		}
		Duration retryAfter = RetryAfterHeader.parse(response.headers().asHttpHeaders().getFirst("Retry-After"),
				Instant.now());
		boolean credentialsSent = response.request().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.flatMap((text) -> Mono.error(this.errorTranslator.translate(operation, response.statusCode().value(),
					text, retryAfter, credentialsSent)));
	}

	private static boolean isTransportFailure(Throwable error) {
		return error instanceof WebClientRequestException || error instanceof IOException
				|| error instanceof TimeoutException;
	}

	private MlflowException transportFailure(String operation, Throwable error) {
		MlflowTlsException.Reason tlsFailure = MlflowTlsException.reasonOf(error);
		if (tlsFailure != null) {
			return new MlflowTlsException(this.trackingUri, operation, tlsFailure, error);
		}
		return new MlflowUnreachableException(this.trackingUri, operation, error);
	}

}
