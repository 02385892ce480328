package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.mlflowstarter.testsupport.FaultyHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MlflowAuthentication}: the header every request carries.
 */
class AuthenticationTests {

	private final FaultyHttpServer server = FaultyHttpServer.start();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void basicAuthenticationSendsUserAndPassword() {
		this.server.answering("{\"experiment\": {\"experiment_id\": \"1\", \"name\": \"e\"}}");
		MlflowTemplate.builder(this.server.uri())
			.webClientBuilder(WebClient.builder().filter(MlflowAuthentication.basic("admin", "password1234")))
			.build()
			.getExperiment("1")
			.block(Duration.ofSeconds(10));
		assertThat(this.server.requests().get(0).authorization()).isEqualTo("Basic YWRtaW46cGFzc3dvcmQxMjM0");
	}

	@Test
	void bearerTokenIsAskedForOnEveryRequestSoItCanRotate() {
		AtomicInteger rotation = new AtomicInteger();
		this.server.answering("{\"experiment\": {\"experiment_id\": \"1\", \"name\": \"e\"}}");
		MlflowTemplate mlflow = MlflowTemplate.builder(this.server.uri())
			.webClientBuilder(WebClient.builder()
				.filter(MlflowAuthentication.bearer(() -> "token-" + rotation.incrementAndGet())))
			.build();
		mlflow.getExperiment("1").block(Duration.ofSeconds(10));
		mlflow.getExperiment("1").block(Duration.ofSeconds(10));
		assertThat(this.server.requests()).extracting(FaultyHttpServer.Request::authorization)
			.containsExactly("Bearer token-1", "Bearer token-2");
	}

	@Test
	void rejectedCredentialsAreNotRetried() {
		this.server.then(FaultyHttpServer.Fault.status(401, "text/html; charset=utf-8", "You are not authenticated."));
		MlflowTemplate mlflow = MlflowTemplate.builder(this.server.uri())
			.webClientBuilder(WebClient.builder().filter(MlflowAuthentication.basic("admin", "wrong-password")))
			.build();
		StepVerifier.create(mlflow.getExperiment("1"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MlflowApiException.class,
					(api) -> assertThat(api.getHttpStatus()).isEqualTo(401)))
			.verify(Duration.ofSeconds(10));
		assertThat(this.server.requests()).hasSize(1);
	}

}
