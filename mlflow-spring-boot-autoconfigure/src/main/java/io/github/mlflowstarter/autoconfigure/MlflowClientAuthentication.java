package io.github.mlflowstarter.autoconfigure;

import io.github.mlflowstarter.client.MlflowAuthentication;
import io.github.mlflowstarter.client.MlflowCredentialsDescription;
import io.github.mlflowstarter.client.MlflowTokenProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * How the MLflow client authenticates: a {@link MlflowTokenProvider} bean first, then a token,
 * then user name and password (MLflow's Python client would prefer user name and password over a
 * token; here the token wins, as {@code mlflow.tracking.token} is documented to). Carries the
 * filter that adds the {@code Authorization} header and a description, free of secrets, of which
 * credentials it sends and where they are configured, for error messages.
 *
 * @param filter adds the {@code Authorization} header, or {@code null} when there are no
 * credentials
 * @param description the credentials, described without secrets
 */
record MlflowClientAuthentication(@Nullable ExchangeFilterFunction filter, MlflowCredentialsDescription description) {

	private static final String USER_PROPERTIES = MlflowTrackingProperties.PREFIX + ".username and "
			+ MlflowTrackingProperties.PREFIX + ".password (environment variables MLFLOW_TRACKING_USERNAME and"
			+ " MLFLOW_TRACKING_PASSWORD)";

	private static final String TOKEN_PROPERTY = MlflowTrackingProperties.PREFIX
			+ ".token (environment variable MLFLOW_TRACKING_TOKEN)";

	static MlflowClientAuthentication of(MlflowConnectionDetails connectionDetails,
			@Nullable MlflowTokenProvider tokenProvider) {
		boolean fromProperties = connectionDetails instanceof PropertiesMlflowConnectionDetails;
		String detailsSource = "the credentials of " + connectionDetails.getClass().getName();
		if (tokenProvider != null) {
			return new MlflowClientAuthentication(MlflowAuthentication.bearer(tokenProvider::currentToken),
					MlflowCredentialsDescription.bearer("the application's MlflowTokenProvider bean ("
							+ tokenProvider.getClass().getName() + "): it must supply a valid, unexpired token"));
		}
		String token = connectionDetails.getToken();
		if (StringUtils.hasText(token)) {
			return new MlflowClientAuthentication(MlflowAuthentication.bearer(() -> token),
					MlflowCredentialsDescription.bearer((fromProperties ? TOKEN_PROPERTY : detailsSource)
							+ "; a server started with --app-name basic-auth accepts only user name and password ("
							+ USER_PROPERTIES + ")"));
		}
		String username = connectionDetails.getUsername();
		if (StringUtils.hasText(username)) {
			String password = connectionDetails.getPassword();
			return new MlflowClientAuthentication(
					MlflowAuthentication.basic(username, (password != null) ? password : ""),
					MlflowCredentialsDescription.basic(username, fromProperties ? USER_PROPERTIES : detailsSource));
		}
		return new MlflowClientAuthentication(null,
				MlflowCredentialsDescription.none(USER_PROPERTIES + ", or " + TOKEN_PROPERTY));
	}

}
