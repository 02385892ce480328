package io.github.mlflowstarter.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} of the MLflow client only, after Boot's own
 * {@code WebClientCustomizer}s and the MLflow timeouts were applied. Use it for default headers,
 * filters or a proxy that only MLflow calls need.
 */
@FunctionalInterface
public interface MlflowWebClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param webClientBuilder the builder of the MLflow client's {@link WebClient}
	 */
	void customize(WebClient.Builder webClientBuilder);

}
