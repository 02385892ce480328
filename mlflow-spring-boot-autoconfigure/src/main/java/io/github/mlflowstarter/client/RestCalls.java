package io.github.mlflowstarter.client;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * Sends one request to the MLflow REST API and maps the answer: a 2xx body is decoded, an error
 * becomes an {@link MlflowApiException}, and a transport failure an
 * {@link MlflowUnreachableException} that names the server.
 * <p>
 * Query values travel as URI variables, so they are fully encoded and the URI template that
 * {@code http.client.requests} observations see stays low-cardinality.
 */
final class RestCalls {

	static final String API_PREFIX = "/api/2.0/mlflow";

	private final WebClient webClient;

	private final URI trackingUri;

	private final MlflowErrorTranslator errorTranslator;

	RestCalls(WebClient webClient, URI trackingUri) {
		this.webClient = webClient;
		this.trackingUri = trackingUri;
		this.errorTranslator = new MlflowErrorTranslator(trackingUri);
	}

	URI trackingUri() {
		return this.trackingUri;
	}

	<T> Mono<T> get(String path, Map<String, List<String>> query, Class<T> responseType) {
		StringBuilder template = new StringBuilder(API_PREFIX).append(path);
		Map<String, Object> variables = new LinkedHashMap<>();
		query.forEach((name, values) -> {
			for (int i = 0; i < values.size(); i++) {
				String variable = (values.size() == 1) ? name : name + i;
				template.append(variables.isEmpty() ? '?' : '&').append(name).append("={").append(variable).append('}');
				variables.put(variable, values.get(i));
			}
		});
		String operation = "GET " + API_PREFIX + path;
		return this.webClient.get()
			.uri(template.toString(), variables)
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono((response) -> decode(operation, response, responseType))
			.onErrorMap(RestCalls::isTransportFailure, (ex) -> unreachable(operation, ex));
	}

	<T> Mono<T> post(String path, Object body, Class<T> responseType) {
		String operation = "POST " + API_PREFIX + path;
		return this.webClient.post()
			.uri(API_PREFIX + path)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchangeToMono((response) -> decode(operation, response, responseType))
			.onErrorMap(RestCalls::isTransportFailure, (ex) -> unreachable(operation, ex));
	}

	private <T> Mono<T> decode(String operation, ClientResponse response, Class<T> responseType) {
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(responseType);
		}
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.flatMap((text) -> Mono.error(
					this.errorTranslator.translate(operation, response.statusCode().value(), text)));
	}

	private static boolean isTransportFailure(Throwable error) {
		return error instanceof WebClientRequestException || error instanceof IOException
				|| error instanceof TimeoutException;
	}

	private MlflowUnreachableException unreachable(String operation, Throwable error) {
		return new MlflowUnreachableException(this.trackingUri, operation, error);
	}

}
