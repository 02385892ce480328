package io.github.mlflowstarter.autoconfigure;

import java.time.Duration;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;

/**
 * The Reactor Netty connection pool of the MLflow client. It closes a connection that has been
 * idle for {@code mlflow.tracking.max-idle-time}, before the server's keep-alive timeout closes
 * it: a request sent on a connection the server is closing at that very moment fails with
 * "Connection prematurely closed BEFORE response", and a request that is not safe to repeat (a
 * run creation) cannot be sent again.
 */
final class MlflowReactorConnectionPool implements DisposableBean {

	private final ConnectionProvider connectionProvider;

	MlflowReactorConnectionPool(Duration maxIdleTime) {
		this.connectionProvider = ConnectionProvider.builder("mlflow").maxIdleTime(maxIdleTime).build();
	}

	/**
	 * Makes a Reactor Netty connector use this pool; other connectors are returned unchanged.
	 * @param connectors the connector builder
	 * @return the builder to use
	 */
	ClientHttpConnectorBuilder<?> applyTo(ClientHttpConnectorBuilder<?> connectors) {
		if (connectors instanceof ReactorClientHttpConnectorBuilder reactor) {
			return reactor.withHttpClientFactory(() -> HttpClient.create(this.connectionProvider));
		}
		return connectors;
	}

	@Override
	public void destroy() {
		this.connectionProvider.dispose();
	}

}
