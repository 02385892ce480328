package io.github.mlflowstarter.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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
 * binding; this adds those whose names do not match: {@code MLFLOW_EXPERIMENT_NAME},
 * {@code MLFLOW_RUN_ID} and {@code MLFLOW_TRACKING_INSECURE_TLS}. The certificate paths
 * {@code MLFLOW_TRACKING_SERVER_CERT_PATH} (PEM certificate authorities to trust) and
 * {@code MLFLOW_TRACKING_CLIENT_CERT_PATH} (PEM file holding the client certificate and its
 * private key) become a PEM SSL bundle named {@value #ENVIRONMENT_SSL_BUNDLE} that
 * {@code mlflow.tracking.ssl.bundle} names. The property source sits right after the OS environment, so these rank
 * like any other environment variable: above {@code application.yml}, below command-line
 * arguments and system properties.
 */
public class MlflowEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source this adds. */
	public static final String PROPERTY_SOURCE_NAME = "mlflowEnvironmentVariables";

	/** Name of the SSL bundle made from MLflow's certificate path variables. */
	public static final String ENVIRONMENT_SSL_BUNDLE = "mlflow-tracking-environment";

	private static final String ENVIRONMENT_SSL_BUNDLE_PREFIX = "spring.ssl.bundle.pem." + ENVIRONMENT_SSL_BUNDLE;

	private static final Map<String, String> VARIABLES = Map.of("MLFLOW_EXPERIMENT_NAME",
			MlflowTrackingProperties.PREFIX + ".experiment-name", "MLFLOW_RUN_ID",
			MlflowTrackingProperties.PREFIX + ".run.id", "MLFLOW_TRACKING_INSECURE_TLS",
			TrackingSslBundle.INSECURE_PROPERTY);

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> systemEnvironment = environment.getSystemEnvironment();
		Map<String, Object> properties = new LinkedHashMap<>();
		VARIABLES.forEach((variable, property) -> {
			String value = variable(systemEnvironment, variable);
			if (value != null) {
				properties.put(property, value);
			}
		});
		addCertificateBundle(systemEnvironment, properties);
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

	private static void addCertificateBundle(Map<String, Object> systemEnvironment, Map<String, Object> properties) {
		String serverCertificates = variable(systemEnvironment, "MLFLOW_TRACKING_SERVER_CERT_PATH");
		String clientCertificate = variable(systemEnvironment, "MLFLOW_TRACKING_CLIENT_CERT_PATH");
		if (serverCertificates == null && clientCertificate == null) {
			return;
		}
		properties.put(TrackingSslBundle.BUNDLE_PROPERTY, ENVIRONMENT_SSL_BUNDLE);
		if (serverCertificates != null) {
			properties.put(ENVIRONMENT_SSL_BUNDLE_PREFIX + ".truststore.certificate", location(serverCertificates));
		}
		if (clientCertificate != null) {
			properties.put(ENVIRONMENT_SSL_BUNDLE_PREFIX + ".keystore.certificate", location(clientCertificate));
			properties.put(ENVIRONMENT_SSL_BUNDLE_PREFIX + ".keystore.private-key", location(clientCertificate));
		}
	}

	private static String location(String path) {
		return (path.startsWith("file:") || path.startsWith("classpath:")) ? path : "file:" + path;
	}

	private static @Nullable String variable(Map<String, Object> systemEnvironment, String name) {
		Object value = systemEnvironment.get(name);
		return (value != null && StringUtils.hasText(value.toString())) ? value.toString().strip() : null;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
