package io.github.mlflowstarter.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.MlflowTemplate;
import io.github.mlflowstarter.client.SystemTags;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MlflowAutoConfiguration}.
 */
class MlflowAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MlflowAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class))
		.withPropertyValues("mlflow.tracking.run.start-on-startup=false");

	@Test
	void suppliesConnectionDetailsTemplateAndRunLifecycle() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PropertiesMlflowConnectionDetails.class);
			assertThat(context).hasSingleBean(MlflowOperations.class);
			assertThat(context).hasSingleBean(MlflowTemplate.class);
			assertThat(context).hasSingleBean(MlflowRunLifecycle.class);
		});
	}

	@Test
	void defaultsPointAtLocalServerOnPort5000AndTheDefaultExperiment() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(MlflowConnectionDetails.class).getTrackingUri())
				.isEqualTo(URI.create("http://127.0.0.1:5000"));
			MlflowTrackingProperties properties = context.getBean(MlflowTrackingProperties.class);
			assertThat(properties.getExperimentName()).isEqualTo("Default");
			assertThat(properties.isFailFast()).isTrue();
			assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
		});
	}

	@Test
	void hostPortAndExperimentNameAreBound() {
		this.contextRunner
			.withPropertyValues("mlflow.tracking.host=mlflow.internal", "mlflow.tracking.port=8080",
					"mlflow.tracking.experiment-name=fraud", "mlflow.tracking.read-timeout=2m",
					"mlflow.tracking.run.name=nightly", "mlflow.tracking.run.tags.team=risk")
			.run((context) -> {
				assertThat(context.getBean(MlflowTemplate.class).getTrackingUri())
					.isEqualTo(URI.create("http://mlflow.internal:8080"));
				MlflowTrackingProperties properties = context.getBean(MlflowTrackingProperties.class);
				assertThat(properties.getExperimentName()).isEqualTo("fraud");
				assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofMinutes(2));
				assertThat(properties.getRun().getName()).isEqualTo("nightly");
				assertThat(properties.getRun().getTags()).containsEntry("team", "risk");
			});
	}

	@Test
	void uriTakesPrecedenceOverHostAndPort() {
		this.contextRunner
			.withPropertyValues("mlflow.tracking.uri=https://mlflow.example.com/ml", "mlflow.tracking.port=8080")
			.run((context) -> assertThat(context.getBean(MlflowTemplate.class).getTrackingUri())
				.isEqualTo(URI.create("https://mlflow.example.com/ml")));
	}

	@Test
	void hostWithASchemeFailsWithAMessageThatPointsToTheUriProperty() {
		this.contextRunner.withPropertyValues("mlflow.tracking.host=http://mlflow:5000").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("mlflow.tracking.host")
				.hasMessageContaining("mlflow.tracking.uri");
		});
	}

	@Test
	void userOperationsBeanMakesTheTemplateBackOff() {
		this.contextRunner.withUserConfiguration(UserOperationsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MlflowOperations.class);
			assertThat(context).doesNotHaveBean(MlflowTemplate.class);
			assertThat(context.getBean(MlflowOperations.class))
				.isSameAs(context.getBean(UserOperationsConfiguration.class).operations);
		});
	}

	@Test
	void userConnectionDetailsWinOverProperties() {
		this.contextRunner.withPropertyValues("mlflow.tracking.port=1234")
			.withBean(MlflowConnectionDetails.class, () -> () -> URI.create("http://from-details:7777"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesMlflowConnectionDetails.class);
				assertThat(context.getBean(MlflowTemplate.class).getTrackingUri())
					.isEqualTo(URI.create("http://from-details:7777"));
			});
	}

	@Test
	void disabledSwitchTurnsEverythingOff() {
		this.contextRunner.withPropertyValues("mlflow.tracking.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(MlflowOperations.class);
			assertThat(context).doesNotHaveBean(MlflowConnectionDetails.class);
			assertThat(context).doesNotHaveBean(MlflowRunLifecycle.class);
		});
	}

	@Test
	void backsOffWithoutWebClientOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MlflowOperations.class));
	}

	@Test
	void mlflowWebClientCustomizersAreApplied() {
		AtomicInteger calls = new AtomicInteger();
		this.contextRunner
			.withBean(MlflowWebClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-Test", String.valueOf(calls.incrementAndGet())))
			.run((context) -> {
				assertThat(context).hasSingleBean(MlflowOperations.class);
				assertThat(calls).hasValue(1);
			});
	}

	@Test
	void activeRunCarriesSystemTagsAndConfiguredTags() {
		this.contextRunner
			.withPropertyValues("spring.application.name=churn-model", "mlflow.tracking.run.name=nightly",
					"mlflow.tracking.run.tags.team=risk")
			.run((context) -> {
				MlflowTrackingProperties properties = context.getBean(MlflowTrackingProperties.class);
				var spec = ActiveRunSpecFactory.create(properties.getRun(), context.getEnvironment());
				assertThat(spec.runName()).isEqualTo("nightly");
				assertThat(spec.tags()).containsEntry(SystemTags.SOURCE_NAME, "churn-model")
					.containsEntry(SystemTags.SOURCE_TYPE, "LOCAL")
					.containsEntry(SystemTags.RUN_NAME, "nightly")
					.containsEntry(SystemTags.USER, System.getProperty("user.name"))
					.containsEntry("team", "risk");
			});
	}

	@Test
	void runLifecycleBacksOffForAUserLifecycle() {
		this.contextRunner
			.withBean("myLifecycle", MlflowRunLifecycle.class,
					() -> new MlflowRunLifecycle(Mockito.mock(MlflowOperations.class), URI.create("http://x"),
							propertiesWithoutStartupRun()))
			.run((context) -> assertThat(context).getBeans(MlflowRunLifecycle.class).containsOnlyKeys("myLifecycle"));
	}

	private static MlflowTrackingProperties propertiesWithoutStartupRun() {
		MlflowTrackingProperties properties = new MlflowTrackingProperties();
		properties.getRun().setStartOnStartup(false);
		return properties;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserOperationsConfiguration {

		final MlflowOperations operations = Mockito.mock(MlflowOperations.class);

		@Bean
		MlflowOperations myMlflowOperations() {
			return this.operations;
		}

	}

}
