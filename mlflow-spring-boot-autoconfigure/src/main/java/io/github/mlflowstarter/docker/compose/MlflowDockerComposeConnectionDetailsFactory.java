package io.github.mlflowstarter.docker.compose;

import java.net.URI;
import java.net.URISyntaxException;

import io.github.mlflowstarter.autoconfigure.MlflowConnectionDetails;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;

/**
 * {@link DockerComposeConnectionDetailsFactory} to create {@link MlflowConnectionDetails} for an
 * {@code mlflow/mlflow} service, such as one from the {@code ghcr.io/mlflow/mlflow} image. Other
 * images are matched with the {@code org.springframework.boot.service-connection: mlflow/mlflow}
 * label.
 */
class MlflowDockerComposeConnectionDetailsFactory
		extends DockerComposeConnectionDetailsFactory<MlflowConnectionDetails> {

	private static final String CONNECTION_NAME = "mlflow/mlflow";

	private static final String AUTO_CONFIGURATION = "io.github.mlflowstarter.autoconfigure.MlflowAutoConfiguration";

	private static final int MLFLOW_PORT = 5000;

	MlflowDockerComposeConnectionDetailsFactory() {
		super(CONNECTION_NAME, AUTO_CONFIGURATION);
	}

	@Override
	protected MlflowConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new MlflowDockerComposeConnectionDetails(source.getRunningService());
	}

	/**
	 * {@link MlflowConnectionDetails} backed by an {@code mlflow/mlflow} {@link RunningService}.
	 */
	private static final class MlflowDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements MlflowConnectionDetails {

		private final URI trackingUri;

		private MlflowDockerComposeConnectionDetails(RunningService service) {
			super(service);
			this.trackingUri = trackingUri(service.host(), service.ports().get(MLFLOW_PORT));
		}

		@Override
		public URI getTrackingUri() {
			return this.trackingUri;
		}

		private static URI trackingUri(String host, int port) {
			try {
				return new URI("http", null, host, port, null, null, null);
			}
			catch (URISyntaxException ex) {
				throw new IllegalStateException("Cannot build an MLflow tracking URI from host '" + host + "'", ex);
			}
		}

	}

}
