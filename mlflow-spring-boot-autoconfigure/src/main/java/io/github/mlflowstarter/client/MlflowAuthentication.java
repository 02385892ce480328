package io.github.mlflowstarter.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * Filters that authenticate every request to the tracking server, as MLflow's own clients do
 * with {@code MLFLOW_TRACKING_USERNAME}/{@code MLFLOW_TRACKING_PASSWORD} (HTTP basic) or
 * {@code MLFLOW_TRACKING_TOKEN} (bearer).
 */
public final class MlflowAuthentication {

	private MlflowAuthentication() {
	}

	/**
	 * HTTP basic authentication.
	 * @param username the user name
	 * @param password the password
	 * @return the filter
	 */
	public static ExchangeFilterFunction basic(String username, String password) {
		String encoded = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return authorization(() -> "Basic " + encoded);
	}

	/**
	 * Bearer-token authentication. The supplier is asked for every request, so a token that
	 * rotates is picked up without restarting.
	 * @param token supplies the current token
	 * @return the filter
	 */
	public static ExchangeFilterFunction bearer(Supplier<String> token) {
		return authorization(() -> "Bearer " + token.get());
	}

	private static ExchangeFilterFunction authorization(Supplier<String> value) {
		return (request, next) -> next.exchange(ClientRequest.from(request)
			.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, value.get()))
			.build());
	}

}
