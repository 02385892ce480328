package io.github.mlflowstarter.autoconfigure;

import java.net.URI;

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

}
