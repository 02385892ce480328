package io.github.mlflowstarter.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.MlflowTemplate;
import io.github.mlflowstarter.client.MlflowTlsException;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.RunStatus;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SelfSignedCertificate;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import io.github.mlflowstarter.testsupport.TlsTerminatingProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An application logging to the real MLflow server through a TLS-terminating proxy, as behind an
 * ingress with its own certificate: trusted through an SSL bundle, untrusted, insecure mode,
 * and mutual TLS. What reached the server is checked over its plain port.
 */
@ExtendWith({ SharedMlflowServer.class, OutputCaptureExtension.class })
class TrackingTlsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** Generous, for a loaded machine: startup retries until then. */
	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	/** Well below the startup timeout: TLS failures must not be retried. */
	private static final Duration FAST_FAILURE = STARTUP_TIMEOUT.dividedBy(2);

	private static SelfSignedCertificate serverCertificate;

	private static SelfSignedCertificate otherHostCertificate;

	private static SelfSignedCertificate clientCertificate;

	private MlflowServer server;

	private MlflowTemplate verifier;

	private String experimentName;

	private final List<TlsTerminatingProxy> proxies = new ArrayList<>();

	@BeforeAll
	static void generateCertificates() {
		serverCertificate = SelfSignedCertificate.generate("mlflow-server", "IP:127.0.0.1,DNS:localhost");
		otherHostCertificate = SelfSignedCertificate.generate("other-host", "DNS:mlflow.example.com");
		clientCertificate = SelfSignedCertificate.generate("training-job", "DNS:training-job");
	}

	@BeforeEach
	void setUp(MlflowServer server) {
		this.server = server;
		this.verifier = MlflowTemplate.create(server.uri(), "unused", RunSpec.unnamed());
		this.experimentName = "tls-" + UUID.randomUUID();
		// over plain HTTP, so a cold server is not blamed on TLS; the application reuses it
		this.verifier.getOrCreateExperiment(this.experimentName).block(TIMEOUT);
	}

	@AfterEach
	void closeProxies() {
		this.proxies.forEach(TlsTerminatingProxy::close);
	}

	@Test
	void bundleTrustingTheServerCertificateLogsThroughTls() {
		TlsTerminatingProxy proxy = proxy(serverCertificate, null);
		String runId = logAndClose(proxy, "--spring.ssl.bundle.pem.mlflow.truststore.certificate=file:"
				+ serverCertificate.certificatePem(), "--mlflow.tracking.ssl.bundle=mlflow");
		assertFinishedWithLoggedEntries(runId);
		assertThat(proxy.completedHandshakes()).isPositive();
	}

	@Test
	void untrustedCertificateFailsStartupFastNamingTheBundleAndTheInsecureOptIn(CapturedOutput output) {
		TlsTerminatingProxy proxy = proxy(serverCertificate, null);
		long started = System.nanoTime();
		assertThatThrownBy(() -> start(proxy)).cause()
			.isInstanceOf(MlflowStartupException.class)
			.hasMessageContaining(proxy.uri().toString())
			.hasMessageContaining("the server's certificate is not trusted")
			.hasMessageContaining("PKIX path building failed")
			.cause()
			.isInstanceOfSatisfying(MlflowTlsException.class, (ex) -> assertThat(ex.getReason())
				.isEqualTo(MlflowTlsException.Reason.SERVER_CERTIFICATE_NOT_TRUSTED));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST_FAILURE);
		assertThat(output).contains("the server's certificate is not trusted")
			.contains("mlflow.tracking.ssl.bundle=")
			.contains("spring.ssl.bundle.pem.mlflow.truststore.certificate")
			.contains("mlflow.tracking.ssl.insecure-skip-verify=true")
			.contains("MLFLOW_TRACKING_INSECURE_TLS");
	}

	@Test
	void certificateIssuedForAnotherHostIsNotTrustedEvenWhenItsSignerIs() {
		TlsTerminatingProxy proxy = proxy(otherHostCertificate, null);
		assertThatThrownBy(() -> start(proxy,
				"--spring.ssl.bundle.pem.mlflow.truststore.certificate=file:" + otherHostCertificate.certificatePem(),
				"--mlflow.tracking.ssl.bundle=mlflow"))
			.cause()
			.cause()
			.isInstanceOfSatisfying(MlflowTlsException.class, (ex) -> assertThat(ex.getReason())
				.isEqualTo(MlflowTlsException.Reason.SERVER_CERTIFICATE_NOT_TRUSTED))
			.hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
	}

	@Test
	void insecureModeAcceptsAnUntrustedCertificateForAnotherHostAndWarnsOnce(CapturedOutput output) {
		TlsTerminatingProxy proxy = proxy(otherHostCertificate, null);
		String runId = logAndClose(proxy, "--mlflow.tracking.ssl.insecure-skip-verify=true");
		assertFinishedWithLoggedEntries(runId);
		assertThat(output).containsOnlyOnce("TLS certificate of the MLflow tracking server 127.0.0.1 is NOT verified")
			.contains("WARN")
			.contains("impersonate the server");
	}

	@Test
	void insecureModeWorksWithTheJdkConnector(CapturedOutput output) {
		TlsTerminatingProxy proxy = proxy(otherHostCertificate, null);
		String runId;
		try (ConfigurableApplicationContext context = application(JdkConnector.class).run(
				arguments(proxy, "--mlflow.tracking.ssl.insecure-skip-verify=true"))) {
			assertThat(context.getBean(ClientHttpConnectorBuilder.class).getClass().getSimpleName())
				.isEqualTo("JdkClientHttpConnectorBuilder");
			runId = logTo(context);
		}
		assertFinishedWithLoggedEntries(runId);
		assertThat(output).containsOnlyOnce("is NOT verified");
	}

	@Test
	void mutualTlsWithAClientCertificateFromAKeyStoreBundle() {
		TlsTerminatingProxy proxy = proxy(serverCertificate, clientCertificate);
		String runId = logAndClose(proxy,
				"--spring.ssl.bundle.jks.mtls.keystore.location=file:" + clientCertificate.keyStore(),
				"--spring.ssl.bundle.jks.mtls.keystore.password=" + clientCertificate.password(),
				"--spring.ssl.bundle.jks.mtls.keystore.type=PKCS12",
				"--spring.ssl.bundle.jks.mtls.truststore.location=file:" + serverCertificate.trustStore(),
				"--spring.ssl.bundle.jks.mtls.truststore.password=" + serverCertificate.password(),
				"--spring.ssl.bundle.jks.mtls.truststore.type=PKCS12", "--mlflow.tracking.ssl.bundle=mtls");
		assertFinishedWithLoggedEntries(runId);
	}

	@Test
	void mutualTlsWithoutAClientCertificateFailsStartupNamingTheFix(CapturedOutput output) {
		TlsTerminatingProxy proxy = proxy(serverCertificate, clientCertificate);
		long started = System.nanoTime();
		assertThatThrownBy(() -> start(proxy,
				"--spring.ssl.bundle.pem.mlflow.truststore.certificate=file:" + serverCertificate.certificatePem(),
				"--mlflow.tracking.ssl.bundle=mlflow"))
			.cause()
			.isInstanceOf(MlflowStartupException.class)
			.hasMessageContaining("requires a client certificate")
			.cause()
			.isInstanceOfSatisfying(MlflowTlsException.class, (ex) -> assertThat(ex.getReason())
				.isEqualTo(MlflowTlsException.Reason.CLIENT_CERTIFICATE_REJECTED));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST_FAILURE);
		assertThat(output).contains("requires mutual TLS").contains("keystore").contains("mlflow.tracking.ssl.bundle");
	}

	@Test
	void mlflowCertificatePathVariablesGiveMutualTls() throws Exception {
		TlsTerminatingProxy proxy = proxy(serverCertificate, clientCertificate);
		Path clientPem = Files.createTempFile("client-cert-and-key", ".pem");
		clientPem.toFile().deleteOnExit();
		Files.writeString(clientPem, Files.readString(clientCertificate.certificatePem())
				+ Files.readString(clientCertificate.privateKeyPem()));
		StandardEnvironment environment = environmentWithVariables(
				Map.of("MLFLOW_TRACKING_SERVER_CERT_PATH", serverCertificate.certificatePem().toString(),
						"MLFLOW_TRACKING_CLIENT_CERT_PATH", clientPem.toString()));
		String runId;
		try (ConfigurableApplicationContext context = application(TestApplication.class).environment(environment)
			.run(arguments(proxy))) {
			runId = logTo(context);
		}
		assertFinishedWithLoggedEntries(runId);
	}

	@Test
	void unknownBundleFailsStartupNamingThePropertyAndTheKnownBundles(CapturedOutput output) {
		TlsTerminatingProxy proxy = proxy(serverCertificate, null);
		assertThatThrownBy(() -> start(proxy,
				"--spring.ssl.bundle.pem.corporate-ca.truststore.certificate=file:"
						+ serverCertificate.certificatePem(),
				"--mlflow.tracking.ssl.bundle=corporate"))
			.hasRootCauseMessage("Property mlflow.tracking.ssl.bundle with value 'corporate' is invalid: There is no"
					+ " SSL bundle named 'corporate' (the defined bundles are corporate-ca). Name one of them, or"
					+ " define it under spring.ssl.bundle.pem.corporate or spring.ssl.bundle.jks.corporate.");
		assertThat(output).contains("Invalid value 'corporate' for configuration property 'mlflow.tracking.ssl.bundle'");
		assertThat(proxy.completedHandshakes()).isZero();
	}

	private TlsTerminatingProxy proxy(SelfSignedCertificate certificate, SelfSignedCertificate trustedClient) {
		TlsTerminatingProxy proxy = TlsTerminatingProxy.start(this.server.port(), certificate, trustedClient);
		this.proxies.add(proxy);
		return proxy;
	}

	private String logAndClose(TlsTerminatingProxy proxy, String... extraArguments) {
		try (ConfigurableApplicationContext context = start(proxy, extraArguments)) {
			return logTo(context);
		}
	}

	private static String logTo(ConfigurableApplicationContext context) {
		MlflowOperations mlflow = context.getBean(MlflowOperations.class);
		mlflow.activeRun().logParam("transport", "tls").block(TIMEOUT);
		mlflow.activeRun().logMetric("loss", 0.25, 1).block(TIMEOUT);
		mlflow.activeRun().flush().block(TIMEOUT);
		return mlflow.activeRun().getRunId();
	}

	private void assertFinishedWithLoggedEntries(String runId) {
		Run run = this.verifier.getRun(runId).block(TIMEOUT);
		assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
		assertThat(run.data().paramMap()).containsEntry("transport", "tls");
		assertThat(run.data().latestMetricValues()).containsEntry("loss", 0.25);
	}

	private ConfigurableApplicationContext start(TlsTerminatingProxy proxy, String... extraArguments) {
		return application(TestApplication.class).run(arguments(proxy, extraArguments));
	}

	private static SpringApplicationBuilder application(Class<?>... sources) {
		return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE);
	}

	private String[] arguments(TlsTerminatingProxy proxy, String... extraArguments) {
		List<String> arguments = new ArrayList<>(List.of("--mlflow.tracking.uri=" + proxy.uri(),
				"--mlflow.tracking.experiment-name=" + this.experimentName,
				"--mlflow.tracking.startup-timeout=" + STARTUP_TIMEOUT.toSeconds() + "s"));
		arguments.addAll(Arrays.asList(extraArguments));
		return arguments.toArray(String[]::new);
	}

	private static StandardEnvironment environmentWithVariables(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment() {

			@Override
			public Map<String, Object> getSystemEnvironment() {
				return variables;
			}

		};
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return environment;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class JdkConnector {

		@Bean
		ClientHttpConnectorBuilder<?> jdkConnectorBuilder() {
			return ClientHttpConnectorBuilder.jdk();
		}

	}

}
