package io.github.mlflowstarter.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.MlflowRun;
import io.github.mlflowstarter.client.model.RunInfo;
import io.github.mlflowstarter.client.model.RunStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Opens the application's MLflow run when the application context starts and ends it when the
 * context stops: {@code FINISHED} after a normal run, {@code FAILED} when the application failed.
 * <p>
 * Runs in an early lifecycle phase, so the run is open before web servers and other lifecycle
 * beans start, and is ended only after they stopped.
 */
public class MlflowRunLifecycle implements SmartLifecycle, ApplicationListener<ApplicationFailedEvent> {

	/** Lifecycle phase: starts before, and stops after, web servers and most other beans. */
	public static final int PHASE = Integer.MIN_VALUE + 1000;

	private static final Log logger = LogFactory.getLog(MlflowRunLifecycle.class);

	private final MlflowOperations operations;

	private final URI trackingUri;

	private final String experimentName;

	private final MlflowTrackingProperties properties;

	private volatile boolean running;

	private volatile @Nullable Throwable applicationFailure;

	/**
	 * Creates the lifecycle.
	 * @param operations the client whose active run is managed
	 * @param trackingUri the tracking server, for messages
	 * @param properties the tracking properties
	 */
	public MlflowRunLifecycle(MlflowOperations operations, URI trackingUri, MlflowTrackingProperties properties) {
		this.operations = operations;
		this.trackingUri = trackingUri;
		this.experimentName = properties.getExperimentName();
		this.properties = properties;
	}

	@Override
	public void start() {
		this.running = true;
		if (!this.properties.getRun().isStartOnStartup()) {
			return;
		}
		MlflowRun run = this.operations.activeRun();
		Duration timeout = this.properties.getStartupTimeout();
		try {
			RunInfo info = run.start()
				.timeout(timeout, reactor.core.publisher.Mono.error(() -> new TimeoutException(
						"the server did not open the run within " + timeout.toMillis()
								+ " ms (mlflow.tracking.startup-timeout)")))
				.block();
			if (info != null && logger.isInfoEnabled()) {
				logger.info("MLflow run " + info.runId() + " started in experiment '" + this.experimentName + "': "
						+ MlflowUiLinks.run(this.trackingUri, info));
			}
		}
		catch (RuntimeException ex) {
			Throwable cause = unwrap(ex);
			if (this.properties.isFailFast()) {
				throw new MlflowStartupException(this.trackingUri, this.experimentName, cause);
			}
			logger.warn("Starting without an MLflow run (mlflow.tracking.fail-fast=false); it will be opened on"
					+ " first use. Cause: " + cause.getMessage());
		}
	}

	private static Throwable unwrap(RuntimeException ex) {
		Throwable cause = ex;
		if (ex.getClass() == RuntimeException.class && ex.getCause() != null) {
			cause = ex.getCause();
		}
		return cause;
	}

	@Override
	public void stop() {
		this.running = false;
		MlflowRun run = this.operations.activeRun();
		if (!run.isStarted()) {
			return;
		}
		Throwable failure = this.applicationFailure;
		RunStatus status = (failure != null) ? RunStatus.FAILED : RunStatus.FINISHED;
		Duration timeout = this.properties.getShutdownTimeout();
		try {
			run.end(status).block(timeout);
			logger.info("MLflow run " + run.getRunId() + " ended " + status);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not end MLflow run " + run.getRunId() + " as " + status + " within " + timeout.toMillis()
					+ " ms (mlflow.tracking.shutdown-timeout); it may stay RUNNING on the server. Cause: "
					+ unwrap(ex).getMessage());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void onApplicationEvent(ApplicationFailedEvent event) {
		this.applicationFailure = event.getException();
	}

}
