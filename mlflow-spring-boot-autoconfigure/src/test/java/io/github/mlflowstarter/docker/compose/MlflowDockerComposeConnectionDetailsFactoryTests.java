package io.github.mlflowstarter.docker.compose;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.Map;

import io.github.mlflowstarter.autoconfigure.MlflowConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link MlflowDockerComposeConnectionDetailsFactory}, against a mocked
 * {@link RunningService}, so no Docker is needed.
 */
class MlflowDockerComposeConnectionDetailsFactoryTests {

	@Test
	void isRegisteredAsConnectionDetailsFactory() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ConnectionDetailsFactory.class))
			.hasAtLeastOneElementOfType(MlflowDockerComposeConnectionDetailsFactory.class);
	}

	@Test
	void officialImageGivesTrackingUriOnTheMappedPort() {
		RunningService service = runningService("ghcr.io/mlflow/mlflow:v3.17.2", Map.of(), "127.0.0.1", 55001);
		MlflowConnectionDetails details = connectionDetails(service);
		assertThat(details).isNotNull();
		assertThat(details.getTrackingUri()).isEqualTo(URI.create("http://127.0.0.1:55001"));
	}

	@Test
	void imageWithoutRegistryIsMatchedToo() {
		RunningService service = runningService("mlflow/mlflow:v3.17.2", Map.of(), "docker.example.com", 55002);
		assertThat(connectionDetails(service).getTrackingUri())
			.isEqualTo(URI.create("http://docker.example.com:55002"));
	}

	@Test
	void mirroredImageIsMatchedByServiceConnectionLabel() {
		RunningService service = runningService("registry.example.com/mirror/tracking-server:3.17.2",
				Map.of("org.springframework.boot.service-connection", "mlflow/mlflow"), "localhost", 55003);
		assertThat(connectionDetails(service).getTrackingUri())
			.isEqualTo(URI.create("http://localhost:55003"));
	}

	@Test
	void unrelatedImageIsNotMatched() {
		RunningService service = runningService("redis:7.4", Map.of(), "localhost", 6379);
		assertThat(connectionDetails(service)).isNull();
	}

	@Test
	void mlflowImageRelabelledAsAnotherServiceIsNotMatched() {
		RunningService service = runningService("ghcr.io/mlflow/mlflow:v3.17.2",
				Map.of("org.springframework.boot.service-connection", "something/else"), "localhost", 55004);
		assertThat(connectionDetails(service)).isNull();
	}

	@Test
	void ipv6HostIsBracketed() {
		RunningService service = runningService("ghcr.io/mlflow/mlflow:v3.17.2", Map.of(), "::1", 55005);
		assertThat(connectionDetails(service).getTrackingUri())
			.isEqualTo(URI.create("http://[::1]:55005"));
	}

	private static @Nullable MlflowConnectionDetails connectionDetails(RunningService service) {
		return new MlflowDockerComposeConnectionDetailsFactory().getConnectionDetails(source(service));
	}

	private static RunningService runningService(String image, Map<String, String> labels, String host, int port) {
		RunningService service = mock(RunningService.class);
		ConnectionPorts ports = mock(ConnectionPorts.class);
		given(ports.get(5000)).willReturn(port);
		given(service.name()).willReturn("mlflow");
		given(service.image()).willReturn(ImageReference.of(image));
		given(service.labels()).willReturn(labels);
		given(service.env()).willReturn(Map.of());
		given(service.host()).willReturn(host);
		given(service.ports()).willReturn(ports);
		return service;
	}

	/**
	 * Boot creates {@link DockerComposeConnectionSource}s itself, through a package-private
	 * constructor; the test calls that constructor reflectively.
	 */
	private static DockerComposeConnectionSource source(RunningService service) {
		try {
			Constructor<DockerComposeConnectionSource> constructor = DockerComposeConnectionSource.class
				.getDeclaredConstructor(RunningService.class, Environment.class);
			return BeanUtils.instantiateClass(constructor, service, new MockEnvironment());
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
