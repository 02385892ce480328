package io.github.mlflowstarter.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mlflowstarter.client.SystemTags;
import io.github.mlflowstarter.client.model.RunSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Builds the spec of the application's run: its name and the system tags MLflow's own clients
 * set ({@code mlflow.user}, {@code mlflow.source.name}, {@code mlflow.source.type},
 * {@code mlflow.runName}), then the configured tags, which win.
 */
final class ActiveRunSpecFactory {

	private static final String SOURCE_TYPE = "LOCAL";

	private ActiveRunSpecFactory() {
	}

	static RunSpec create(MlflowTrackingProperties.Run properties, Environment environment) {
		Map<String, String> tags = new LinkedHashMap<>();
		tags.put(SystemTags.USER, System.getProperty("user.name", "unknown"));
		tags.put(SystemTags.SOURCE_NAME, sourceName(properties, environment));
		tags.put(SystemTags.SOURCE_TYPE, SOURCE_TYPE);
		String runName = properties.getName();
		if (StringUtils.hasText(runName)) {
			tags.put(SystemTags.RUN_NAME, runName);
		}
		tags.putAll(properties.getTags());
		String effectiveName = tags.get(SystemTags.RUN_NAME);
		return new RunSpec(StringUtils.hasText(effectiveName) ? effectiveName : null, tags, null);
	}

	private static String sourceName(MlflowTrackingProperties.Run properties, Environment environment) {
		if (StringUtils.hasText(properties.getSourceName())) {
			return properties.getSourceName();
		}
		String applicationName = environment.getProperty("spring.application.name");
		if (StringUtils.hasText(applicationName)) {
			return applicationName;
		}
		String command = firstWord(System.getProperty("sun.java.command"));
		return (command != null) ? command : "java";
	}

	private static @Nullable String firstWord(@Nullable String text) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		return text.strip().split("\\s+", 2)[0];
	}

}
