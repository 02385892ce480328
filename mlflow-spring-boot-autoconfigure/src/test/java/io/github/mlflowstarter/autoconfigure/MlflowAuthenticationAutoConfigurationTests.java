package io.github.mlflowstarter.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mlflowstarter.client.MlflowApiException;
import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.MlflowTokenProvider;
import io.github.mlflowstarter.testsupport.BasicAuthMlflowServer;
import io.github.mlflowstarter.testsupport.FaultyHttpServer;
import io.github.mlflowstarter.testsupport.FaultyHttpServer.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Which {@code Authorization} header the auto-configured client sends, and what its
 * authentication errors say, against a stub server that records the headers.
 */
class MlflowAuthenticationAutoConfigurationTests {

	private static final String EXPERIMENT = "{\"experiment\": {\"experiment_id\": \"1\", \"name\": \"e\"}}";

	private static final String BASIC_AUTH_401 = "You are not authenticated. Please see"
			+ " https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.";

	private final FaultyHttpServer server = FaultyHttpServer.start().answering(EXPERIMENT);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MlflowAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class))
		.withPropertyValues("mlflow.tracking.run.start-on-startup=false", "mlflow.tracking.uri=" + this.server.uri());

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void tokenProviderBeanIsAskedForEveryRequestSoItsTokenRotates() {
		AtomicInteger rotation = new AtomicInteger();
		this.contextRunner.withPropertyValues("mlflow.tracking.username=admin", "mlflow.tracking.password=secret-pw")
			.withBean(MlflowTokenProvider.class, () -> () -> "rotating-token-" + rotation.incrementAndGet())
			.run((context) -> {
				MlflowOperations mlflow = context.getBean(MlflowOperations.class);
				mlflow.getExperiment("1").block(Duration.ofSeconds(10));
				mlflow.getExperiment("1").block(Duration.ofSeconds(10));
				mlflow.getExperiment("1").block(Duration.ofSeconds(10));
			});
		assertThat(this.server.requests()).extracting(FaultyHttpServer.Request::authorization)
			.containsExactly("Bearer rotating-token-1", "Bearer rotating-token-2", "Bearer rotating-token-3");
	}

	@Test
	void userNameAndPasswordPropertiesSendBasicCredentials() {
		this.contextRunner.withPropertyValues("mlflow.tracking.username=alice", "mlflow.tracking.password=alice-pw")
			.run((context) -> context.getBean(MlflowOperations.class).getExperiment("1").block(Duration.ofSeconds(10)));
		assertThat(this.server.requests().get(0).authorization())
			.isEqualTo(BasicAuthMlflowServer.basic("alice", "alice-pw"));
	}

	@Test
	void userInfoOfTheTrackingUriSendsBasicCredentialsAndStaysOutOfTheUri() {
		String uri = "http://bob:bob%40pw@127.0.0.1:" + this.server.uri().getPort();
		this.contextRunner.withPropertyValues("mlflow.tracking.uri=" + uri).run((context) -> {
			assertThat(context.getBean(MlflowConnectionDetails.class).getTrackingUri())
				.hasToString("http://127.0.0.1:" + this.server.uri().getPort());
			assertThat(context.getBean(MlflowConnectionDetails.class).toString()).doesNotContain("bob@pw")
				.doesNotContain("bob%40pw");
			context.getBean(MlflowOperations.class).getExperiment("1").block(Duration.ofSeconds(10));
		});
		assertThat(this.server.requests().get(0).authorization()).isEqualTo(BasicAuthMlflowServer.basic("bob", "bob@pw"));
	}

	@Test
	void rejectedPasswordIsReportedOnceWithoutRetryNamingTheUserAndThePropertiesButNotThePassword() {
		this.server.then(Fault.status(401, "text/html; charset=utf-8", BASIC_AUTH_401));
		this.contextRunner.withPropertyValues("mlflow.tracking.username=alice", "mlflow.tracking.password=wrong-pw-123")
			.run((context) -> {
				MlflowApiException error = catchThrowableOfType(MlflowApiException.class,
						() -> context.getBean(MlflowOperations.class).getExperiment("1").block(Duration.ofSeconds(10)));
				assertThat(error.getHttpStatus()).isEqualTo(401);
				assertThat(error.isTransient()).isFalse();
				assertThat(error.getMessage()).contains("Authentication failed")
					.contains("'alice'")
					.contains("mlflow.tracking.username and mlflow.tracking.password")
					.contains("MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD")
					.doesNotContain("wrong-pw-123");
			});
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void missingCredentialsAreReportedAsSuchWithWhereToSetThem() {
		this.server.then(Fault.status(401, "text/html; charset=utf-8", BASIC_AUTH_401));
		this.contextRunner.run((context) -> {
			MlflowApiException error = catchThrowableOfType(MlflowApiException.class,
					() -> context.getBean(MlflowOperations.class).getExperiment("1").block(Duration.ofSeconds(10)));
			assertThat(error.getMessage()).contains("Authentication failed")
				.contains("the client sent none")
				.contains("MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD")
				.contains("MLFLOW_TRACKING_TOKEN");
		});
		assertThat(this.server.requests()).extracting(FaultyHttpServer.Request::authorization).containsExactly((String) null);
	}

	@Test
	void rejectedTokenNamesTheTokenPropertyAndThatBasicAuthServersWantAUser() {
		this.server.then(Fault.status(401, "text/html; charset=utf-8", BASIC_AUTH_401));
		this.contextRunner.withPropertyValues("mlflow.tracking.token=tok-secret-42").run((context) -> {
			MlflowApiException error = catchThrowableOfType(MlflowApiException.class,
					() -> context.getBean(MlflowOperations.class).getExperiment("1").block(Duration.ofSeconds(10)));
			assertThat(error.getMessage()).contains("did not accept the bearer token")
				.contains("mlflow.tracking.token (environment variable MLFLOW_TRACKING_TOKEN)")
				.contains("basic-auth")
				.doesNotContain("tok-secret-42");
		});
	}

}
