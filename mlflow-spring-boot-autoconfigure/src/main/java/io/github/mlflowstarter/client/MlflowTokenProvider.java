package io.github.mlflowstarter.client;

/**
 * Supplies the bearer token for each request to the tracking server, for tokens that rotate
 * (short-lived OAuth or workload-identity tokens, for example). Asked once per request, so it
 * should answer from a cache and refresh in the background. Declare one as a bean and the
 * starter uses it instead of {@code mlflow.tracking.token} and basic credentials.
 */
@FunctionalInterface
public interface MlflowTokenProvider {

	/**
	 * The token to send now, without the {@code Bearer } prefix.
	 * @return the current token
	 */
	String currentToken();

}
