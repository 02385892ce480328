package io.github.mlflowstarter.autoconfigure.health;

import io.github.mlflowstarter.autoconfigure.MlflowAutoConfiguration;
import io.github.mlflowstarter.autoconfigure.MlflowConnectionDetails;
import io.github.mlflowstarter.client.MlflowOperations;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Health of the MLflow tracking server, when Spring Boot's health support is present. Switch it
 * off with {@code management.health.mlflow.enabled=false}.
 */
@AutoConfiguration(after = MlflowAutoConfiguration.class)
@ConditionalOnClass({ AbstractReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class,
		MlflowOperations.class })
@ConditionalOnBean({ MlflowOperations.class, MlflowConnectionDetails.class })
@ConditionalOnEnabledHealthIndicator("mlflow")
public final class MlflowHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "mlflowHealthIndicator", "mlflowHealthContributor" })
	MlflowHealthIndicator mlflowHealthIndicator(MlflowOperations operations,
			MlflowConnectionDetails connectionDetails) {
		return new MlflowHealthIndicator(operations, connectionDetails.getTrackingUri());
	}

}
