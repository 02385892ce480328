package io.github.mlflowstarter.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MlflowEnvironmentPostProcessor}.
 */
class MlflowEnvironmentPostProcessorTests {

	@Test
	void mlflowVariablesRankLikeOtherEnvironmentVariables() {
		StandardEnvironment environment = environment(Map.of("MLFLOW_EXPERIMENT_NAME", "from-env", "MLFLOW_RUN_ID",
				"abc123", "MLFLOW_TRACKING_URI", "http://mlflow.internal:5000"));
		environment.getPropertySources()
			.addLast(new MapPropertySource("application.yml",
					Map.of("mlflow.tracking.experiment-name", "from-yml", "mlflow.tracking.uri", "http://yml:1")));
		new MlflowEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("mlflow.tracking.experiment-name")).isEqualTo("from-env");
		assertThat(environment.getProperty("mlflow.tracking.run.id")).isEqualTo("abc123");
		assertThat(environment.getProperty("mlflow.tracking.uri")).isEqualTo("http://mlflow.internal:5000");
	}

	@Test
	void commandLineArgumentsWinOverTheEnvironment() {
		StandardEnvironment environment = environment(Map.of("MLFLOW_EXPERIMENT_NAME", "from-env"));
		environment.getPropertySources()
			.addFirst(new SimpleCommandLinePropertySource("--mlflow.tracking.experiment-name=from-args"));
		new MlflowEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("mlflow.tracking.experiment-name")).isEqualTo("from-args");
	}

	@Test
	void addsNothingWithoutMlflowVariables() {
		StandardEnvironment environment = environment(Map.of("PATH", "/bin"));
		new MlflowEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(MlflowEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void insecureTlsVariableSwitchesVerificationOff() {
		StandardEnvironment environment = environment(Map.of("MLFLOW_TRACKING_INSECURE_TLS", "true"));
		new MlflowEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("mlflow.tracking.ssl.insecure-skip-verify")).isEqualTo("true");
		assertThat(environment.getProperty("mlflow.tracking.ssl.bundle")).isNull();
	}

	@Test
	void certificatePathVariablesBecomeAPemBundle() {
		StandardEnvironment environment = environment(Map.of("MLFLOW_TRACKING_SERVER_CERT_PATH", "/etc/ssl/mlflow-ca.pem",
				"MLFLOW_TRACKING_CLIENT_CERT_PATH", "file:/secrets/client.pem"));
		new MlflowEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		String bundle = "spring.ssl.bundle.pem." + MlflowEnvironmentPostProcessor.ENVIRONMENT_SSL_BUNDLE;
		assertThat(environment.getProperty("mlflow.tracking.ssl.bundle"))
			.isEqualTo(MlflowEnvironmentPostProcessor.ENVIRONMENT_SSL_BUNDLE);
		assertThat(environment.getProperty(bundle + ".truststore.certificate")).isEqualTo("file:/etc/ssl/mlflow-ca.pem");
		assertThat(environment.getProperty(bundle + ".keystore.certificate")).isEqualTo("file:/secrets/client.pem");
		assertThat(environment.getProperty(bundle + ".keystore.private-key")).isEqualTo("file:/secrets/client.pem");
	}

	@Test
	void serverCertificatePathAloneLeavesTheKeyStoreEmpty() {
		StandardEnvironment environment = environment(Map.of("MLFLOW_TRACKING_SERVER_CERT_PATH", "ca.pem"));
		new MlflowEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		String bundle = "spring.ssl.bundle.pem." + MlflowEnvironmentPostProcessor.ENVIRONMENT_SSL_BUNDLE;
		assertThat(environment.getProperty(bundle + ".truststore.certificate")).isEqualTo("file:ca.pem");
		assertThat(environment.getProperty(bundle + ".keystore.certificate")).isNull();
	}

	private static StandardEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment() {

			@Override
			public Map<String, Object> getSystemEnvironment() {
				return variables;
			}

		};
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return environment;
	}

}
