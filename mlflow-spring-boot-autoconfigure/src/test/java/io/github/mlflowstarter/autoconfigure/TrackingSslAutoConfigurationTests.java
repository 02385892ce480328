package io.github.mlflowstarter.autoconfigure;

import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.testsupport.SelfSignedCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@code mlflow.tracking.ssl.*} in {@link MlflowAutoConfiguration}: binding, the
 * checks made at startup, and the insecure-mode warning. No server is contacted.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrackingSslAutoConfigurationTests {

	private static final String WARNING = "is NOT verified";

	private static SelfSignedCertificate certificate;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MlflowAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("mlflow.tracking.run.start-on-startup=false",
				"mlflow.tracking.uri=https://mlflow.internal:8443");

	@BeforeAll
	static void generateCertificate() {
		certificate = SelfSignedCertificate.generate("corporate-ca", "DNS:mlflow.internal");
	}

	@Test
	void byDefaultNoBundleAndVerificationOn(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MlflowOperations.class);
			MlflowTrackingProperties.Ssl ssl = context.getBean(MlflowTrackingProperties.class).getSsl();
			assertThat(ssl.getBundle()).isNull();
			assertThat(ssl.isInsecureSkipVerify()).isFalse();
		});
		assertThat(output).doesNotContain(WARNING);
	}

	@Test
	void sslPropertiesAreBound() {
		this.contextRunner
			.withPropertyValues("mlflow.tracking.ssl.bundle=corporate", "mlflow.tracking.ssl.insecure-skip-verify=false",
					"spring.ssl.bundle.pem.corporate.truststore.certificate=file:" + certificate.certificatePem())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MlflowTrackingProperties.Ssl ssl = context.getBean(MlflowTrackingProperties.class).getSsl();
				assertThat(ssl.getBundle()).isEqualTo("corporate");
				assertThat(ssl.isInsecureSkipVerify()).isFalse();
			});
	}

	@Test
	void bundleAndInsecureModeTogetherFailStartup() {
		this.contextRunner
			.withPropertyValues("mlflow.tracking.ssl.bundle=corporate", "mlflow.tracking.ssl.insecure-skip-verify=true",
					"spring.ssl.bundle.jks.corporate.truststore.type=PKCS12")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(MutuallyExclusiveConfigurationPropertiesException.class,
							(ex) -> assertThat(ex.getConfiguredNames()).containsExactlyInAnyOrder(
									"mlflow.tracking.ssl.bundle", "mlflow.tracking.ssl.insecure-skip-verify"));
			});
	}

	@Test
	void insecureModeLogsOneWarningNamingTheHostAndTheRisk(CapturedOutput output) {
		this.contextRunner.withPropertyValues("mlflow.tracking.ssl.insecure-skip-verify=true").run((context) -> {
			assertThat(context).hasSingleBean(MlflowOperations.class);
			assertThat(context.getBean(MlflowTrackingProperties.class).getSsl().isInsecureSkipVerify()).isTrue();
		});
		assertThat(output).containsOnlyOnce(WARNING)
			.contains("WARN")
			.contains("tracking server mlflow.internal is NOT verified")
			.contains("credentials included");
	}

	@Test
	void unknownBundleNamesThePropertyAndTheDefinedBundles() {
		this.contextRunner
			.withPropertyValues("mlflow.tracking.ssl.bundle=mlfow",
					"spring.ssl.bundle.jks.mlflow.truststore.type=PKCS12",
					"spring.ssl.bundle.jks.web.truststore.type=PKCS12")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("mlflow.tracking.ssl.bundle")
					.hasMessageContaining("'mlfow'")
					.hasMessageContaining("mlflow, web");
			});
	}

	@Test
	void unknownBundleWhenNoneIsDefinedSaysSo() {
		this.contextRunner.withPropertyValues("mlflow.tracking.ssl.bundle=mlflow").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("none is defined")
				.hasMessageContaining("spring.ssl.bundle.pem.mlflow");
		});
	}

	@Test
	void bundleWithoutSslAutoConfigurationSaysNoBundlesAreConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MlflowAutoConfiguration.class, WebClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class))
			.withPropertyValues("mlflow.tracking.run.start-on-startup=false", "mlflow.tracking.ssl.bundle=mlflow")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("No SSL bundles are configured");
			});
	}

}
