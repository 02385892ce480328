package io.github.mlflowstarter.autoconfigure.observation;

import io.github.mlflowstarter.autoconfigure.MlflowAutoConfiguration;
import io.github.mlflowstarter.client.MlflowTemplate;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Meters of the MLflow logging pipeline when Micrometer is present; Boot binds them to every
 * meter registry.
 */
@AutoConfiguration(after = MlflowAutoConfiguration.class)
@ConditionalOnClass({ MeterBinder.class, MlflowTemplate.class })
@ConditionalOnBean(MlflowTemplate.class)
public final class MlflowMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MlflowLoggingMeterBinder mlflowLoggingMeterBinder(MlflowTemplate template) {
		return new MlflowLoggingMeterBinder(template);
	}

}
