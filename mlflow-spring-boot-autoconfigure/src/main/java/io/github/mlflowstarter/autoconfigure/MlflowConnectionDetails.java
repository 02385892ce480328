package io.github.mlflowstarter.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the MLflow tracking server is. Properties supply it by default; Testcontainers and Docker
 * Compose service connections, or an application's own bean, can supply it instead.
 */
public interface MlflowConnectionDetails extends ConnectionDetails {

	/**
	 * The tracking server's base URI, with any path prefix the server sits behind, for example
	 * {@code http://127.0.0.1:5000}.
	 * @return the tracking URI
	 */
	URI getTrackingUri();

	/**
	 * User name for HTTP basic authentication.
	 * @return the user name, or {@code null} when the server needs none
	 */
	default @Nullable String getUsername() {
		return null;
	}

	/**
	 * Password for HTTP basic authentication.
	 * @return the password, or {@code null}
	 */
	default @Nullable String getPassword() {
		return null;
	}

	/**
	 * Bearer token; wins over user name and password.
	 * @return the token, or {@code null}
	 */
	default @Nullable String getToken() {
		return null;
	}

}
