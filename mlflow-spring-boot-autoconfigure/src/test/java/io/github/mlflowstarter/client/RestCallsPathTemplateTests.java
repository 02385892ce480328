package io.github.mlflowstarter.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.mlflowstarter.client.WireTypes.Empty;
import io.github.mlflowstarter.testsupport.FaultyHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the path templates of {@link RestCalls}: what goes on the wire (checked on a loopback
 * stub, which sees the raw request line) and the name observations get.
 */
class RestCallsPathTemplateTests {

	private final FaultyHttpServer server = FaultyHttpServer.start();

	private final List<String> operations = new CopyOnWriteArrayList<>();

	private final RestCalls rest = new RestCalls(WebClient.builder().baseUrl(this.server.uri().toString()).build(),
			this.server.uri(), RetryPolicy.none(), new MlflowCallObserver() {

				@Override
				public <T> Mono<T> observe(String operation, Mono<T> call) {
					RestCallsPathTemplateTests.this.operations.add(operation);
					return call;
				}

			});

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void eachPathVariableIsEncodedAsOneSegment() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("model_id", "m-1");
		variables.put("tag_key", "eval set/v2 50%?#✓");
		StepVerifier
			.create(this.rest.send(HttpMethod.DELETE, "/logged-models/{model_id}/tags/{tag_key}", variables, null,
					Empty.class, false))
			.expectNextCount(1)
			.verifyComplete();
		FaultyHttpServer.Request request = this.server.requests().get(0);
		assertThat(request.method()).isEqualTo("DELETE");
		assertThat(request.uri())
			.isEqualTo("/api/2.0/mlflow/logged-models/m-1/tags/eval%20set%2Fv2%2050%25%3F%23%E2%9C%93");
		assertThat(request.body()).isEmpty();
	}

	@Test
	void operationIsNamedAfterTheTemplateNotTheValues() {
		this.rest.send(HttpMethod.PATCH, "/logged-models/{model_id}/tags", Map.of("model_id", "m-abc"), Map.of(),
				Empty.class, true).block();
		this.rest.get("/logged-models/{model_id}", Map.of("model_id", "m-def"), Map.of(), Empty.class).block();
		assertThat(this.operations).containsExactly("logged-models.{model_id}.tags", "logged-models.{model_id}");
	}

	@Test
	void bodyTravelsAsJsonWithThePathVariables() {
		this.rest.send(HttpMethod.POST, "/logged-models/{model_id}/params", Map.of("model_id", "m-1"),
				Map.of("model_id", "m-1"), Empty.class, false).block();
		FaultyHttpServer.Request request = this.server.requests().get(0);
		assertThat(request.uri()).isEqualTo("/api/2.0/mlflow/logged-models/m-1/params");
		assertThat(request.body()).isEqualTo("{\"model_id\":\"m-1\"}");
	}

	@Test
	void queryFollowsThePathVariablesEvenWhenANameRepeats() {
		Map<String, List<String>> query = new LinkedHashMap<>();
		query.put("artifact_directory_path", List.of("model dir/sub"));
		query.put("model_id", List.of("from query"));
		this.rest.get("/logged-models/{model_id}/artifacts/directories", Map.of("model_id", "m 1"), query, Empty.class)
			.block();
		assertThat(this.server.requests().get(0).uri()).isEqualTo("/api/2.0/mlflow/logged-models/m%201/artifacts/"
				+ "directories?artifact_directory_path=model%20dir%2Fsub&model_id=from%20query");
	}

	@Test
	void pathsWithoutVariablesAreSentAsBefore() {
		this.rest.get("/runs/get", Map.of("run_id", List.of("r 1")), Empty.class).block();
		assertThat(this.server.requests().get(0).uri()).isEqualTo("/api/2.0/mlflow/runs/get?run_id=r%201");
		assertThat(this.operations).containsExactly("runs.get");
	}

}
