package io.github.mlflowstarter.client;

import org.jspecify.annotations.Nullable;

/**
 * What the client authenticates with, described without any secret, so that an authentication
 * (HTTP 401) or permission (HTTP 403) error can say which credentials the server turned down and
 * where they are configured.
 *
 * @param credentials the credentials the client sends, as a noun phrase without any secret, for
 * example {@code the user name 'alice' and its password}; {@code null} when it sends none
 * @param source where the credentials are configured, for example property or environment
 * variable names; when the client sends none, where to configure them
 */
public record MlflowCredentialsDescription(@Nullable String credentials, String source) {

	/**
	 * Used when the client was not told how it authenticates: any filter on the
	 * {@code WebClient} may add credentials.
	 */
	public static final MlflowCredentialsDescription UNKNOWN = new MlflowCredentialsDescription(
			"the credentials the client sends",
			"the authentication filter of the client's WebClient (MlflowAuthentication.basic or"
					+ " MlflowAuthentication.bearer)");

	/**
	 * HTTP basic credentials.
	 * @param username the user name (never the password)
	 * @param source where user name and password are configured
	 * @return the description
	 */
	public static MlflowCredentialsDescription basic(String username, String source) {
		return new MlflowCredentialsDescription("the user name '" + username + "' and its password", source);
	}

	/**
	 * A bearer token.
	 * @param source where the token comes from
	 * @return the description
	 */
	public static MlflowCredentialsDescription bearer(String source) {
		return new MlflowCredentialsDescription("the bearer token", source);
	}

	/**
	 * No credentials at all.
	 * @param whereToSet where credentials can be configured
	 * @return the description
	 */
	public static MlflowCredentialsDescription none(String whereToSet) {
		return new MlflowCredentialsDescription(null, whereToSet);
	}

}
