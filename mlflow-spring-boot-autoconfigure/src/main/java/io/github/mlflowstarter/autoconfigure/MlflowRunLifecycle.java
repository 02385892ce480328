package io.github.mlflowstarter.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.MlflowRun;
import io.github.mlflowstarter.client.model.RunInfo;
import io.github.mlflowstarter.client.model.RunStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Opens the application's MLflow run when the application context starts and ends it when the
 * context stops, after delivering what was logged (within {@code mlflow.tracking.shutdown-timeout}):
 * <ul>
 * <li>{@code FAILED} when the application failed (an exception out of a runner, a failed
 * start);</li>
 * <li>{@code KILLED} when the context was closed while the application's runners were still
 * running, as on SIGTERM in the middle of a job;</li>
 * <li>{@code FINISHED} otherwise.</li>
 * </ul>
 * Runs in an early lifecycle phase, so the run is open before web servers and other lifecycle
 * beans start, and is ended only after they stopped.
 */
public class MlflowRunLifecycle implements SmartLifecycle, ApplicationListener<SpringApplicationEvent> {

	/** Lifecycle phase: starts before, and stops after, web servers and most other beans. */
	public static final int PHASE = Integer.MIN_VALUE + 1000;

	/** Time allowed to end the run on the server once the pending entries were dealt with. */
	private static final Duration END_RUN_TIMEOUT = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(MlflowRunLifecycle.class);

	private final MlflowOperations operations;

	private final URI trackingUri;

	private final MlflowTrackingProperties properties;

	private volatile boolean running;

	private volatile boolean applicationFailed;

	private volatile boolean runnersStarted;

	private volatile boolean runnersCompleted;

	/**
	 * Creates the lifecycle.
	 * @param operations the client whose active run is managed
	 * @param trackingUri the tracking server, for messages
	 * @param properties the tracking properties
	 */
	public MlflowRunLifecycle(MlflowOperations operations, URI trackingUri, MlflowTrackingProperties properties) {
		this.operations = operations;
		this.trackingUri = trackingUri;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.running = true;
		if (!this.properties.getRun().isStartOnStartup()) {
			return;
		}
		String experimentName = this.properties.getExperimentName();
		MlflowRun run = this.operations.activeRun();
		if (run == null) {
			logger.warn(this.operations.getClass().getName() + " has no active run; none is opened");
			return;
		}
		try {
			RunInfo info = run.start(this.properties.getStartupTimeout()).block();
			if (info != null && logger.isInfoEnabled()) {
				logger.info("MLflow run " + info.runId() + " started in experiment '" + experimentName + "': "
						+ MlflowUiLinks.run(this.trackingUri, info));
			}
		}
		catch (RuntimeException ex) {
			Throwable cause = unwrap(ex);
			if (this.properties.isFailFast()) {
				throw new MlflowStartupException(this.trackingUri, experimentName, cause);
			}
			logger.warn("Starting without an MLflow run (mlflow.tracking.fail-fast=false); it will be opened on"
					+ " first use. Cause: " + cause.getMessage());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		MlflowRun run = this.operations.activeRun();
		if (run == null) {
			return;
		}
		RunStatus status = finalStatus();
		Duration flushTimeout = this.properties.getShutdownTimeout();
		try {
			RunInfo ended = run.end(status, flushTimeout).block(flushTimeout.plus(END_RUN_TIMEOUT));
			if (ended != null) {
				logger.info("MLflow run " + ended.runId() + " ended " + status);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not end MLflow run " + run.getRunId() + " as " + status
					+ "; it may stay RUNNING on the server. Cause: " + unwrap(ex).getMessage());
		}
	}

	private RunStatus finalStatus() {
		if (this.applicationFailed) {
			return RunStatus.FAILED;
		}
		if (this.runnersStarted && !this.runnersCompleted) {
			return RunStatus.KILLED;
		}
		return RunStatus.FINISHED;
	}

	private static Throwable unwrap(RuntimeException ex) {
		if (ex.getClass() == RuntimeException.class && ex.getCause() != null) {
			return ex.getCause();
		}
		return ex;
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
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (event instanceof ApplicationStartedEvent) {
			this.runnersStarted = true;
		}
		else if (event instanceof ApplicationReadyEvent) {
			this.runnersCompleted = true;
		}
		else if (event instanceof ApplicationFailedEvent) {
			this.applicationFailed = true;
		}
	}

}
