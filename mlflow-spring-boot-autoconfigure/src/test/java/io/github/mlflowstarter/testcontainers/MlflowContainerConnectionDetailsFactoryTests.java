package io.github.mlflowstarter.testcontainers;

import java.net.URI;

import io.github.mlflowstarter.autoconfigure.MlflowAutoConfiguration;
import io.github.mlflowstarter.autoconfigure.MlflowConnectionDetails;
import io.github.mlflowstarter.client.MlflowTemplate;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsNotFoundException;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link MlflowContainerConnectionDetailsFactory}. The containers are Mockito mocks that
 * are never started, so these tests need no Docker; they go through Boot's real
 * {@code @ServiceConnection} bean registration.
 */
class MlflowContainerConnectionDetailsFactoryTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServiceConnectionAutoConfiguration.class,
				MlflowAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class))
		.withPropertyValues("mlflow.tracking.run.start-on-startup=false");

	@Test
	void isRegisteredAsConnectionDetailsFactory() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ConnectionDetailsFactory.class))
			.hasAtLeastOneElementOfType(MlflowContainerConnectionDetailsFactory.class);
	}

	@Test
	void mlflowContainerBeanWithoutNameSuppliesConnectionDetails() {
		this.contextRunner.withUserConfiguration(MlflowContainerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MlflowConnectionDetails.class);
			MlflowConnectionDetails details = context.getBean(MlflowConnectionDetails.class);
			assertThat(details.getClass().getName()).contains("MlflowContainerConnectionDetails");
			assertThat(details.getTrackingUri()).isEqualTo(URI.create("http://docker.example.com:32771"));
			assertThat(context.getBean(MlflowTemplate.class).getTrackingUri())
				.isEqualTo(URI.create("http://docker.example.com:32771"));
		});
	}

	@Test
	void connectionDetailsWinOverProperties() {
		this.contextRunner.withUserConfiguration(MlflowContainerConfiguration.class)
			.withPropertyValues("mlflow.tracking.uri=http://mlflow.internal:8080")
			.run((context) -> assertThat(context.getBean(MlflowTemplate.class).getTrackingUri())
				.isEqualTo(URI.create("http://docker.example.com:32771")));
	}

	@Test
	void genericContainerBeanNamedMlflowSuppliesConnectionDetails() {
		this.contextRunner.withUserConfiguration(NamedGenericContainerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MlflowConnectionDetails.class);
			assertThat(context.getBean(MlflowConnectionDetails.class).getTrackingUri())
				.isEqualTo(URI.create("http://[::1]:40000"));
		});
	}

	@Test
	void genericContainerBeanWithoutNameIsNotAnMlflowConnection() {
		this.contextRunner.withUserConfiguration(UnnamedGenericContainerConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(ConnectionDetailsNotFoundException.class)
				.hasMessageContaining("No ConnectionDetails found"));
	}

	private static <C extends GenericContainer<?>> C stubbed(C container, String host, int port) {
		given(container.getHost()).willReturn(host);
		given(container.getMappedPort(5000)).willReturn(port);
		return container;
	}

	@Configuration(proxyBeanMethods = false)
	static class MlflowContainerConfiguration {

		@Bean
		@ServiceConnection
		MlflowContainer mlflowContainer() {
			return stubbed(mock(MlflowContainer.class), "docker.example.com", 32771);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NamedGenericContainerConfiguration {

		@Bean
		@ServiceConnection(name = "mlflow/mlflow")
		GenericContainer<?> mlflowContainer() {
			return stubbed(mock(GenericContainer.class), "::1", 40000);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnnamedGenericContainerConfiguration {

		@Bean
		@ServiceConnection
		GenericContainer<?> someContainer() {
			return stubbed(mock(GenericContainer.class), "docker.example.com", 32771);
		}

	}

}
