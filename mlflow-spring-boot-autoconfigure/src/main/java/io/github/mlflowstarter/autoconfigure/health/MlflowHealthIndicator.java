package io.github.mlflowstarter.autoconfigure.health;

import java.net.URI;
import java.net.URISyntaxException;

import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.MlflowRun;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the MLflow tracking server {@code UP} when its {@code /health} answers {@code OK}, with
 * the server version, the tracking URL (never its credentials) and the active run; {@code DOWN}
 * with the reason otherwise.
 */
public class MlflowHealthIndicator extends AbstractReactiveHealthIndicator {

	private final MlflowOperations operations;

	private final String trackingUrl;

	/**
	 * Creates the indicator.
	 * @param operations the client
	 * @param trackingUri the tracking server
	 */
	public MlflowHealthIndicator(MlflowOperations operations, URI trackingUri) {
		super("MLflow health check failed");
		this.operations = operations;
		this.trackingUrl = withoutCredentials(trackingUri);
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.operations.checkHealth().then(this.operations.getServerVersion()).map((version) -> {
			builder.up().withDetail("version", version).withDetail("trackingUrl", this.trackingUrl);
			MlflowRun run = this.operations.activeRun();
			String runId = (run != null) ? run.getRunId() : null;
			builder.withDetail("activeRunId", (runId != null) ? runId : "none");
			if (run != null) {
				builder.withDetail("pendingEntries", run.getPendingEntries());
			}
			return builder.build();
		});
	}

	static String withoutCredentials(URI uri) {
		if (uri.getUserInfo() == null) {
			return uri.toString();
		}
		try {
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
		}
		catch (URISyntaxException ex) {
			return uri.getScheme() + "://" + uri.getHost();
		}
	}

}
