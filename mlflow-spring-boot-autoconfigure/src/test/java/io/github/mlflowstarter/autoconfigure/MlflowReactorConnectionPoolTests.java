package io.github.mlflowstarter.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import io.github.mlflowstarter.client.MlflowOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the idle-connection limit of {@link MlflowReactorConnectionPool}: a pooled connection
 * is not reused after {@code mlflow.tracking.max-idle-time}, so it is never sent on just as the
 * server's keep-alive timeout closes it.
 */
class MlflowReactorConnectionPoolTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MlflowAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class))
		.withPropertyValues("mlflow.tracking.run.start-on-startup=false");

	private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/version", (exchange) -> {
			this.clientPorts.add(exchange.getRemoteAddress().getPort());
			byte[] body = "3.17.2".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void connectionIdleLongerThanMaxIdleTimeIsNotReused() {
		this.contextRunner.withPropertyValues(uri(), "mlflow.tracking.max-idle-time=200ms")
			.run((context) -> twoCallsApart(context.getBean(MlflowOperations.class), Duration.ofMillis(800)));
		assertThat(this.clientPorts).hasSize(2);
	}

	@Test
	void connectionIdleShorterThanMaxIdleTimeIsReused() {
		this.contextRunner.withPropertyValues(uri(), "mlflow.tracking.max-idle-time=10s")
			.run((context) -> twoCallsApart(context.getBean(MlflowOperations.class), Duration.ofMillis(800)));
		assertThat(this.clientPorts).hasSize(1);
	}

	@Test
	void defaultStaysBelowTheTwoSecondKeepAliveOfGunicorn() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MlflowReactorConnectionPool.class);
			assertThat(context.getBean(MlflowTrackingProperties.class).getMaxIdleTime())
				.isLessThan(Duration.ofSeconds(2));
		});
	}

	@Test
	void backsOffWithoutReactorNetty() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HttpClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MlflowReactorConnectionPool.class));
	}

	private String uri() {
		return "mlflow.tracking.uri=http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private static void twoCallsApart(MlflowOperations operations, Duration pause) throws InterruptedException {
		assertThat(operations.getServerVersion().block(Duration.ofSeconds(10))).isEqualTo("3.17.2");
		Thread.sleep(pause.toMillis());
		assertThat(operations.getServerVersion().block(Duration.ofSeconds(10))).isEqualTo("3.17.2");
	}

}
