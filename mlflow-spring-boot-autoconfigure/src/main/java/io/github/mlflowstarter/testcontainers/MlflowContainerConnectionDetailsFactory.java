package io.github.mlflowstarter.testcontainers;

import java.net.URI;

import io.github.mlflowstarter.autoconfigure.MlflowConnectionDetails;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * {@link ContainerConnectionDetailsFactory} to create {@link MlflowConnectionDetails} from a
 * {@link ServiceConnection @ServiceConnection}-annotated {@link MlflowContainer}, or a
 * {@link GenericContainer} using the {@code "mlflow/mlflow"} image.
 * <p>
 * An {@link MlflowContainer} is accepted whatever its name, so {@code @Bean} methods returning
 * one need no {@code name} on their {@code @ServiceConnection}.
 */
class MlflowContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, MlflowConnectionDetails> {

	private static final String CONNECTION_NAME = "mlflow/mlflow";

	private static final String AUTO_CONFIGURATION = "io.github.mlflowstarter.autoconfigure.MlflowAutoConfiguration";

	MlflowContainerConnectionDetailsFactory() {
		super(CONNECTION_NAME, AUTO_CONFIGURATION);
	}

	@Override
	protected boolean sourceAccepts(ContainerConnectionSource<Container<?>> source, Class<?> requiredContainerType,
			Class<?> requiredConnectionDetailsType) {
		return super.sourceAccepts(source, requiredContainerType, requiredConnectionDetailsType)
				|| source.accepts(ANY_CONNECTION_NAME, MlflowContainer.class, requiredConnectionDetailsType);
	}

	@Override
	protected MlflowConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
		return new MlflowContainerConnectionDetails(source);
	}

	/**
	 * {@link MlflowConnectionDetails} backed by a {@link ContainerConnectionSource}.
	 */
	private static final class MlflowContainerConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements MlflowConnectionDetails {

		private MlflowContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public URI getTrackingUri() {
			Container<?> container = getContainer();
			int port = container.getMappedPort(MlflowContainer.MLFLOW_PORT);
			return MlflowContainer.trackingUri(container.getHost(), port);
		}

	}

}
