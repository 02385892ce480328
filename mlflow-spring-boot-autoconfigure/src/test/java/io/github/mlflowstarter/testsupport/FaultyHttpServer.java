package io.github.mlflowstarter.testsupport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A loopback HTTP server that answers with scripted faults a real MLflow server cannot be told
 * to produce: 429 with {@code Retry-After}, 503, a dropped connection, a slow reply. Once the
 * script is used up it answers {@code 200 {}} (or the configured default body).
 */
public final class FaultyHttpServer implements AutoCloseable {

	private final Queue<Fault> script = new ConcurrentLinkedQueue<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final DisposableServer server;

	private volatile String defaultBody = "{}";

	private FaultyHttpServer() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
	}

	/**
	 * Starts a server on a free loopback port.
	 * @return the server
	 */
	public static FaultyHttpServer start() {
		return new FaultyHttpServer();
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	/**
	 * Queues faults, answered in order to the next requests.
	 * @param faults the faults
	 * @return this server
	 */
	public FaultyHttpServer then(Fault... faults) {
		this.script.addAll(List.of(faults));
		return this;
	}

	/**
	 * The body of successful answers.
	 * @param body the JSON body
	 * @return this server
	 */
	public FaultyHttpServer answering(String body) {
		this.defaultBody = body;
		return this;
	}

	/**
	 * The requests received so far.
	 * @return the requests, in order
	 */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			this.requests.add(new Request(request.method().name(), request.uri(), body, System.nanoTime(),
					request.requestHeaders().get("Authorization")));
			Fault fault = this.script.poll();
			if (fault == null) {
				return json(response, HttpResponseStatus.OK, this.defaultBody);
			}
			return fault.answer(response, this.defaultBody);
		});
	}

	private static Mono<Void> json(HttpServerResponse response, HttpResponseStatus status, String body) {
		return response.status(status).header("Content-Type", "application/json").sendString(Mono.just(body)).then();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/**
	 * One request as received.
	 *
	 * @param method the HTTP method
	 * @param uri the request URI
	 * @param body the body
	 * @param nanoTime when it arrived, in {@link System#nanoTime()}
	 * @param authorization the {@code Authorization} header, or {@code null}
	 */
	public record Request(String method, String uri, String body, long nanoTime, String authorization) {
	}

	/**
	 * A scripted answer.
	 */
	@FunctionalInterface
	public interface Fault {

		Mono<Void> answer(HttpServerResponse response, String defaultBody);

		static Fault status(int status, String contentType, String body) {
			return (response, defaultBody) -> response.status(status)
				.header("Content-Type", contentType)
				.sendString(Mono.just(body))
				.then();
		}

		static Fault tooManyRequests(int retryAfterSeconds) {
			return (response, defaultBody) -> response.status(429)
				.header("Retry-After", String.valueOf(retryAfterSeconds))
				.header("Content-Type", "text/plain")
				.sendString(Mono.just("slow down"))
				.then();
		}

		static Fault unavailable() {
			return status(503, "application/json",
					"{\"error_code\": \"TEMPORARILY_UNAVAILABLE\", \"message\": \"database is locked\"}");
		}

		static Fault rejected() {
			return status(400, "application/json",
					"{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"bad request\"}");
		}

		static Fault dropConnection() {
			return (response, defaultBody) -> {
				response.withConnection((connection) -> connection.channel().close());
				return Mono.never();
			};
		}

		static Fault slow(Duration delay) {
			return (response, defaultBody) -> Mono.delay(delay)
				.then(response.status(200)
					.header("Content-Type", "application/json")
					.sendString(Mono.just(defaultBody))
					.then());
		}

	}

}
