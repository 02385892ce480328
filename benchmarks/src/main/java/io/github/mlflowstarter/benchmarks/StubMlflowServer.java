package io.github.mlflowstarter.benchmarks;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An in-process stand-in for an MLflow server that stores nothing: every POST is read and answered
 * {@code 200 {}} at once, and {@code GET runs/get} describes run {@code r}. Lets the caller cost of a
 * log call be measured without the real server's storage speed setting the pace.
 */
final class StubMlflowServer implements AutoCloseable {

	static final String RUN_ID = "r";

	private static final String RUN_JSON = "{\"run\":{\"info\":{\"run_id\":\"" + RUN_ID
			+ "\",\"experiment_id\":\"0\",\"status\":\"RUNNING\",\"lifecycle_stage\":\"active\"}}}";

	private final AtomicLong logBatchRequests = new AtomicLong();

	private final DisposableServer server;

	StubMlflowServer() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			if (request.method() == HttpMethod.GET && request.uri().startsWith("/api/2.0/mlflow/runs/get")) {
				return response.header("Content-Type", "application/json").sendString(Mono.just(RUN_JSON)).then();
			}
			if (request.uri().startsWith("/api/2.0/mlflow/runs/log-batch")) {
				this.logBatchRequests.incrementAndGet();
			}
			return request.receive()
				.then(Mono.defer(() -> response.header("Content-Type", "application/json")
					.sendString(Mono.just("{}"))
					.then()));
		}).bindNow();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	long logBatchRequests() {
		return this.logBatchRequests.get();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
