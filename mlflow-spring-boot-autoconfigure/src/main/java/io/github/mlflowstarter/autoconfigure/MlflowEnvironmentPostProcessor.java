package io.github.mlflowstarter.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Makes MLflow's own environment variables work as users know them from the Python client.
 * {@code MLFLOW_TRACKING_URI}, {@code MLFLOW_TRACKING_USERNAME}, {@code MLFLOW_TRACKING_PASSWORD}
 * and {@code MLFLOW_TRACKING_TOKEN} already bind to {@code mlflow.tracking.*} by Spring's relaxed
 * binding; this adds the two whose names do not match: {@code MLFLOW_EXPERIMENT_NAME} and
 * {@code MLFLOW_RUN_ID}. The property source sits right after the OS environment, so these rank
 * like any other environment variable: above {@code application.yml}, below command-line
 * arguments and system properties.
 */
public class MlflowEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source this adds. */
	public static final String PROPERTY_SOURCE_NAME = "mlflowEnvironmentVariables";

	private static final Map<String, String> VARIABLES = Map.of("MLFLOW_EXPERIMENT_NAME",
			MlflowTrackingProperties.PREFIX + ".experiment-name", "MLFLOW_RUN_ID",
			MlflowTrackingProperties.PREFIX + ".run.id");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> systemEnvironment = environment.getSystemEnvironment();
		Map<String, Object> properties = new LinkedHashMap<>();
		VARIABLES.forEach((variable, property) -> {
			Object value = systemEnvironment.get(variable);
			if (value != null && StringUtils.hasText(value.toString())) {
				properties.put(property, value);
			}
		});
		if (properties.isEmpty()) {
			return;
		}
		MutablePropertySources sources = environment.getPropertySources();
		MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
		if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addLast(source);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
