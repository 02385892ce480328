package io.github.mlflowstarter.testcontainers;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.github.mlflowstarter.testsupport.MlflowVirtualenv;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.utility.DockerImageName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.spy;

/**
 * Tests for {@link MlflowContainer}. None of them starts the container, so none needs Docker.
 */
class MlflowContainerTests {

	@Test
	void defaultImageIsTheOfficialImageOfThePinnedVersion() {
		assertThat(MlflowContainer.DEFAULT_IMAGE.asCanonicalNameString())
			.isEqualTo("ghcr.io/mlflow/mlflow:v" + MlflowVirtualenv.pinnedVersion());
		assertThat(MlflowContainer.DEFAULT_VERSION).isEqualTo(MlflowVirtualenv.pinnedVersion());
	}

	@Test
	void exposesPort5000() {
		MlflowContainer container = new MlflowContainer(MlflowContainer.DEFAULT_IMAGE);
		assertThat(container.getExposedPorts()).containsExactly(5000);
	}

	@Test
	void runsTheMlflowServerOnAllInterfaces() {
		MlflowContainer container = new MlflowContainer(MlflowContainer.DEFAULT_IMAGE);
		assertThat(container.getCommandParts()).containsExactly("mlflow", "server", "--host", "0.0.0.0", "--port",
				"5000");
	}

	@Test
	void allowsAnyHostHeader() {
		MlflowContainer container = new MlflowContainer(MlflowContainer.DEFAULT_IMAGE);
		assertThat(container.getEnvMap()).containsEntry("MLFLOW_SERVER_ALLOWED_HOSTS", "*");
	}

	@Test
	void waitsForHealthEndpointOnPort5000WithAGenerousTimeout() {
		WaitStrategy waitStrategy = new MlflowContainer(MlflowContainer.DEFAULT_IMAGE) {

			WaitStrategy waitStrategy() {
				return getWaitStrategy();
			}

		}.waitStrategy();
		assertThat(waitStrategy).isInstanceOf(HttpWaitStrategy.class);
		assertThat(waitStrategy).extracting("path").isEqualTo("/health");
		assertThat(waitStrategy).extracting("livenessPort").isEqualTo(Optional.of(5000));
		assertThat(waitStrategy).extracting("statusCodes")
			.asInstanceOf(InstanceOfAssertFactories.COLLECTION)
			.containsExactly(200);
		assertThat(waitStrategy).extracting("startupTimeout")
			.asInstanceOf(InstanceOfAssertFactories.DURATION)
			.isGreaterThanOrEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void acceptsOtherTagsOfTheOfficialImage() {
		MlflowContainer container = new MlflowContainer("ghcr.io/mlflow/mlflow:v3.1.4");
		assertThat(container.getExposedPorts()).containsExactly(5000);
	}

	@Test
	void acceptsImageDeclaredACompatibleSubstitute() {
		DockerImageName mirrored = DockerImageName.parse("registry.example.com/mirror/mlflow:v3.17.2")
			.asCompatibleSubstituteFor("ghcr.io/mlflow/mlflow");
		MlflowContainer container = new MlflowContainer(mirrored);
		assertThat(container.getExposedPorts()).containsExactly(5000);
	}

	@Test
	void rejectsUnrelatedImage() {
		assertThatIllegalStateException().isThrownBy(() -> new MlflowContainer("redis:7.4"))
			.withMessageContaining("ghcr.io/mlflow/mlflow");
	}

	@Test
	void rejectsMirroredImageNotDeclaredACompatibleSubstitute() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new MlflowContainer("registry.example.com/mirror/mlflow:v3.17.2"));
	}

	@Test
	void trackingUriIsHttpOnTheHostAndMappedPort() {
		MlflowContainer container = spy(new MlflowContainer(MlflowContainer.DEFAULT_IMAGE));
		doReturn("docker.example.com").when(container).getHost();
		doReturn(32771).when(container).getMappedPort(5000);
		assertThat(container.getTrackingUri()).isEqualTo(URI.create("http://docker.example.com:32771"));
	}

	@Test
	void trackingUriBracketsAnIpv6Host() {
		assertThat(MlflowContainer.trackingUri("::1", 32771)).isEqualTo(URI.create("http://[::1]:32771"));
	}

}
