package io.github.mlflowstarter.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.MlflowRun;
import io.github.mlflowstarter.testsupport.BasicAuthMlflowServer;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SharedBasicAuthMlflowServer;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * No password, token or {@code user:password} in base64 shows up anywhere while a whole
 * application lifecycle runs with credentials and every relevant logger at TRACE, request details
 * logging switched on: not in the log, the health details, meter tags, {@code toString()}s or
 * the errors of a failed start.
 */
@ExtendWith({ SharedBasicAuthMlflowServer.class, SharedMlflowServer.class, OutputCaptureExtension.class })
class SecretLeakIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final List<String> LEAKY_LOGGERS = List.of("reactor.netty", "io.netty",
			"org.springframework.web.reactive.function.client", "org.springframework.http",
			"org.springframework.core.codec", "org.springframework.web", "io.github.mlflowstarter");

	@AfterEach
	void resetLogLevels() {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		LEAKY_LOGGERS.forEach((logger) -> logging.setLogLevel(logger, null));
	}

	@Test
	void basicCredentialsAppearNowhereInAFullyTracedLifecycle(BasicAuthMlflowServer server, CapturedOutput output) {
		String username = "leak-check-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "Leak-Check-Password-" + UUID.randomUUID();
		server.createUser(username, password);
		List<String> seen = new ArrayList<>();
		try (ConfigurableApplicationContext context = leakyApplication("--mlflow.tracking.uri=" + server.uri(),
				"--mlflow.tracking.username=" + username, "--mlflow.tracking.password=" + password,
				"--mlflow.tracking.experiment-name=leak-check-" + username)) {
			seen.addAll(exercise(context));
		}
		assertThat(output.getAll()).as("the TRACE logging was on")
			.contains("HTTP POST " + server.uri() + "/api/2.0/mlflow/runs/create");
		assertNoSecret(output.getAll(), password, BasicAuthMlflowServer.basic(username, password));
		seen.forEach((text) -> assertNoSecret(text, password, BasicAuthMlflowServer.basic(username, password)));
	}

	@Test
	void rejectedPasswordFailsTheStartClearlyWithoutShowingIt(BasicAuthMlflowServer server, CapturedOutput output) {
		String password = "Wrong-Password-" + UUID.randomUUID();
		Throwable failure = catchThrowable(() -> leakyApplication("--mlflow.tracking.uri=" + server.uri(),
				"--mlflow.tracking.username=" + BasicAuthMlflowServer.ADMIN_USERNAME,
				"--mlflow.tracking.password=" + password, "--mlflow.tracking.experiment-name=leak-check-failure")
			.close());
		assertThat(failure).isNotNull();
		StringBuilder chain = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			chain.append(cause).append('\n');
		}
		assertThat(chain).contains("Authentication failed").contains("'admin'").contains("mlflow.tracking.password");
		assertNoSecret(chain.toString(), password,
				BasicAuthMlflowServer.basic(BasicAuthMlflowServer.ADMIN_USERNAME, password));
		assertNoSecret(output.getAll(), password,
				BasicAuthMlflowServer.basic(BasicAuthMlflowServer.ADMIN_USERNAME, password));
	}

	@Test
	void bearerTokenAppearsNowhereInAFullyTracedLifecycle(MlflowServer server, CapturedOutput output) {
		String token = "Leak-Check-Token-" + UUID.randomUUID();
		List<String> seen;
		try (ConfigurableApplicationContext context = leakyApplication("--mlflow.tracking.uri=" + server.uri(),
				"--mlflow.tracking.token=" + token, "--mlflow.tracking.experiment-name=leak-check-token")) {
			seen = exercise(context);
		}
		assertThat(output.getAll()).as("the TRACE logging was on")
			.contains("HTTP POST " + server.uri() + "/api/2.0/mlflow/runs/create");
		assertNoSecret(output.getAll(), token, "Bearer " + token);
		seen.forEach((text) -> assertNoSecret(text, token, "Bearer " + token));
	}

	private static ConfigurableApplicationContext leakyApplication(String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		LEAKY_LOGGERS.forEach((logger) -> arguments.add("--logging.level." + logger + "=TRACE"));
		arguments.addAll(List.of("--spring.http.codecs.log-request-details=true",
				"--spring.codec.log-request-details=true", "--management.endpoint.health.show-details=always",
				"--mlflow.tracking.startup-timeout=60s"));
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.run(arguments.toArray(String[]::new));
	}

	/**
	 * Logs to the run, reads the health and the meters, and returns every text a user could see.
	 */
	private static List<String> exercise(ConfigurableApplicationContext context) {
		MlflowRun run = context.getBean(MlflowOperations.class).activeRun();
		run.logParam("lr", "0.1").block(TIMEOUT);
		for (int step = 0; step < 3; step++) {
			run.logMetric("loss", 1.0 / (step + 1), step).block(TIMEOUT);
		}
		run.flush().block(TIMEOUT);
		List<String> seen = new ArrayList<>();
		IndicatedHealthDescriptor health = (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class)
			.healthForPath("mlflow");
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		seen.add(health.getDetails().toString());
		context.getBean(MeterRegistry.class).getMeters().forEach((meter) -> seen.add(meter.getId().toString()));
		seen.add(context.getBean(MlflowConnectionDetails.class).toString());
		seen.add(context.getBean(MlflowTrackingProperties.class).toString());
		seen.add(context.getBean(MlflowOperations.class).toString());
		seen.add(run.toString());
		return seen;
	}

	private static void assertNoSecret(String text, String secret, String authorizationHeader) {
		String headerValue = authorizationHeader.substring(authorizationHeader.indexOf(' ') + 1);
		assertThat(text).doesNotContain(secret).doesNotContain(headerValue);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
