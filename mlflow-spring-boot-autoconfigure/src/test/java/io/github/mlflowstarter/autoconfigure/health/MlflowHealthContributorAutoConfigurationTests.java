package io.github.mlflowstarter.autoconfigure.health;

import java.net.URI;

import io.github.mlflowstarter.autoconfigure.MlflowAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MlflowHealthContributorAutoConfiguration}.
 */
class MlflowHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MlflowAutoConfiguration.class,
				MlflowHealthContributorAutoConfiguration.class))
		.withPropertyValues("mlflow.tracking.run.start-on-startup=false");

	@Test
	void contributesAnIndicator() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(MlflowHealthIndicator.class));
	}

	@Test
	void switchedOffByItsManagementProperty() {
		this.contextRunner.withPropertyValues("management.health.mlflow.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MlflowHealthIndicator.class));
	}

	@Test
	void absentWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(AbstractReactiveHealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MlflowHealthIndicator.class));
	}

	@Test
	void absentWhenMlflowIsSwitchedOff() {
		this.contextRunner.withPropertyValues("mlflow.tracking.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MlflowHealthIndicator.class));
	}

	@Test
	void trackingUrlInDetailsNeverCarriesCredentials() {
		assertThat(MlflowHealthIndicator.withoutCredentials(URI.create("https://admin:secret@mlflow.example.com/ml")))
			.isEqualTo("https://mlflow.example.com/ml");
	}

}
