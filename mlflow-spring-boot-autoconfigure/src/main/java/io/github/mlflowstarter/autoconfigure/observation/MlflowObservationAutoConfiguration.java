package io.github.mlflowstarter.autoconfigure.observation;

import io.github.mlflowstarter.autoconfigure.MlflowAutoConfiguration;
import io.github.mlflowstarter.client.MlflowCallObserver;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * An observation per MLflow call when Micrometer's observation API is present.
 */
@AutoConfiguration(before = MlflowAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, MlflowCallObserver.class })
public final class MlflowObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(MlflowCallObserver.class)
	ObservationMlflowCallObserver mlflowCallObserver(ObjectProvider<ObservationRegistry> registry) {
		return new ObservationMlflowCallObserver(registry.getIfUnique(() -> ObservationRegistry.NOOP));
	}

}
