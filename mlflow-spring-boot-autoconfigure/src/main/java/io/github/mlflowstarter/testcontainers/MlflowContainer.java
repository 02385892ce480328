package io.github.mlflowstarter.testcontainers;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A Testcontainers container for an MLflow tracking server, from the official
 * {@code ghcr.io/mlflow/mlflow} image (or an image declared a compatible substitute for it).
 * <p>
 * The image has no command of its own: the container runs
 * {@code mlflow server --host 0.0.0.0 --port 5000}, lets any {@code Host} header through the
 * server's host check ({@code MLFLOW_SERVER_ALLOWED_HOSTS=*}), and is ready when {@code /health}
 * answers 200. Annotate a field or {@code @Bean} method with {@code @ServiceConnection} to point
 * the MLflow auto-configuration at it.
 */
public class MlflowContainer extends GenericContainer<MlflowContainer> {

	/**
	 * The port the MLflow server listens on inside the container.
	 */
	public static final int MLFLOW_PORT = 5000;

	/**
	 * The MLflow version the starter is tested against.
	 */
	public static final String DEFAULT_VERSION = "3.17.2";

	private static final DockerImageName MLFLOW_IMAGE = DockerImageName.parse("ghcr.io/mlflow/mlflow");

	/**
	 * The official image of the MLflow version the starter is tested against,
	 * {@code ghcr.io/mlflow/mlflow:v3.17.2}.
	 */
	public static final DockerImageName DEFAULT_IMAGE = MLFLOW_IMAGE.withTag("v" + DEFAULT_VERSION);

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	/**
	 * Create a container from the given image name, for example
	 * {@code ghcr.io/mlflow/mlflow:v3.17.2}.
	 * @param dockerImageName the image name
	 */
	public MlflowContainer(String dockerImageName) {
		this(DockerImageName.parse(dockerImageName));
	}

	/**
	 * Create a container from the given image, which must be {@code ghcr.io/mlflow/mlflow} or
	 * declared a compatible substitute for it with
	 * {@link DockerImageName#asCompatibleSubstituteFor(String)}.
	 * @param dockerImageName the image
	 */
	public MlflowContainer(DockerImageName dockerImageName) {
		super(dockerImageName);
		dockerImageName.assertCompatibleWith(MLFLOW_IMAGE);
		withExposedPorts(MLFLOW_PORT);
		withEnv("MLFLOW_SERVER_ALLOWED_HOSTS", "*");
		withCommand("mlflow", "server", "--host", "0.0.0.0", "--port", String.valueOf(MLFLOW_PORT));
		waitingFor(Wait.forHttp("/health")
			.forPort(MLFLOW_PORT)
			.forStatusCode(200)
			.withStartupTimeout(STARTUP_TIMEOUT));
	}

	/**
	 * The tracking URI of the running server, {@code http://<host>:<mapped port>}.
	 * @return the tracking URI
	 */
	public URI getTrackingUri() {
		return trackingUri(getHost(), getMappedPort(MLFLOW_PORT));
	}

	static URI trackingUri(String host, int port) {
		try {
			return new URI("http", null, host, port, null, null, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot build an MLflow tracking URI from host '" + host + "'", ex);
		}
	}

}
