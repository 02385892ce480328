package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunInfo;
import io.github.mlflowstarter.client.model.RunStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A handle on one run that logs to it without passing its id around.
 * <p>
 * The run is created on the server by {@link #start()}, or by the first call that needs it. A
 * start that fails (for example because the server is down) is tried again by the next call; a
 * start that succeeds is never repeated, so the handle never creates two runs.
 */
public final class MlflowRun {

	private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

	private final MlflowOperations operations;

	private final Mono<RunInfo> start;

	private final AtomicReference<@Nullable RunInfo> info = new AtomicReference<>();

	private final AtomicReference<@Nullable RunStatus> endStatus = new AtomicReference<>();

	MlflowRun(MlflowOperations operations, Mono<RunInfo> opener) {
		this.operations = operations;
		this.start = opener.doOnNext(this.info::set)
			.cache((value) -> FOREVER, (error) -> Duration.ZERO, () -> Duration.ZERO);
	}

	/**
	 * Creates the run on the server, once. Later calls return the same run.
	 * @return the run info
	 */
	public Mono<RunInfo> start() {
		return this.start;
	}

	/**
	 * The run id, starting the run first if needed.
	 * @return the run id
	 */
	public Mono<String> runId() {
		return this.start.map(RunInfo::runId);
	}

	/**
	 * The run id, if the run has been started.
	 * @return the run id, or {@code null} before the run was created on the server
	 */
	public @Nullable String getRunId() {
		RunInfo current = this.info.get();
		return (current != null) ? current.runId() : null;
	}

	/**
	 * The run info as of the start, if the run has been started.
	 * @return the run info, or {@code null} before the run was created on the server
	 */
	public @Nullable RunInfo getInfo() {
		return this.info.get();
	}

	/**
	 * Whether the run has been created on the server.
	 * @return {@code true} once started
	 */
	public boolean isStarted() {
		return this.info.get() != null;
	}

	/**
	 * The status this handle ended the run with.
	 * @return the final status, or {@code null} while the run has not been ended through this
	 * handle
	 */
	public @Nullable RunStatus getEndStatus() {
		return this.endStatus.get();
	}

	/**
	 * Fetches the run from the server: its status, params, tags and latest metrics.
	 * @return the run
	 */
	public Mono<Run> fetch() {
		return runId().flatMap(this.operations::getRun);
	}

	/**
	 * Logs a param.
	 * @param key the param key
	 * @param value the param value
	 * @return completes when the server stored the param
	 */
	public Mono<Void> logParam(String key, String value) {
		return runId().flatMap((id) -> this.operations.logParam(id, key, value));
	}

	/**
	 * Logs several params in as few requests as possible.
	 * @param params the params keyed by param key
	 * @return completes when the server stored every param
	 */
	public Mono<Void> logParams(Map<String, String> params) {
		return logBatch(LogBatch.builder().params(params).build());
	}

	/**
	 * Logs a metric point at step 0, stamped with the current time.
	 * @param key the metric key
	 * @param value the value
	 * @return completes when the server stored the point
	 */
	public Mono<Void> logMetric(String key, double value) {
		return logMetric(Metric.of(key, value));
	}

	/**
	 * Logs a metric point at a step, stamped with the current time.
	 * @param key the metric key
	 * @param value the value
	 * @param step the step, for example the epoch
	 * @return completes when the server stored the point
	 */
	public Mono<Void> logMetric(String key, double value, long step) {
		return logMetric(Metric.of(key, value, step));
	}

	/**
	 * Logs a metric point.
	 * @param metric the point
	 * @return completes when the server stored the point
	 */
	public Mono<Void> logMetric(Metric metric) {
		return runId().flatMap((id) -> this.operations.logMetric(id, metric));
	}

	/**
	 * Sets a tag.
	 * @param key the tag key
	 * @param value the tag value
	 * @return completes when the server stored the tag
	 */
	public Mono<Void> setTag(String key, String value) {
		return runId().flatMap((id) -> this.operations.setTag(id, key, value));
	}

	/**
	 * Logs metrics, params and tags together.
	 * @param batch the entries
	 * @return completes when the server stored every entry
	 */
	public Mono<Void> logBatch(LogBatch batch) {
		if (batch.isEmpty()) {
			return Mono.empty();
		}
		return runId().flatMap((id) -> this.operations.logBatch(id, batch));
	}

	/**
	 * Ends the run now with a status. Does nothing when the run was never started, or was already
	 * ended through this handle.
	 * @param status the final status
	 * @return the updated run info, or empty when there was nothing to end
	 */
	public Mono<RunInfo> end(RunStatus status) {
		return Mono.defer(() -> {
			RunInfo current = this.info.get();
			if (current == null || this.endStatus.get() != null) {
				return Mono.empty();
			}
			return this.operations.endRun(current.runId(), status)
				.doOnNext((updated) -> this.endStatus.compareAndSet(null, status));
		});
	}

}
