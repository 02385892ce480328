package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunInfo;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.RunStatus;
import io.github.mlflowstarter.client.model.Tag;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A handle on one run that logs to it without passing its id around.
 * <p>
 * <strong>Logging never waits for the network.</strong> {@code logParam}, {@code logMetric},
 * {@code setTag} and {@code logBatch} check the entry, put it into the run's bounded buffer and
 * return at once; a background pipeline delivers the buffered entries in order, as few
 * {@code log-batch} requests as the server's limits allow, and retries while the server is away.
 * The returned {@code Mono} completes when the entry is stored and fails when it was not; the
 * entry is delivered whether or not anyone subscribes. {@link #flush()} waits for everything
 * logged before it.
 * <p>
 * A key or value the server would refuse or truncate is refused at the call with a
 * {@link MlflowValidationException} that names the limit. If the server still rejects an entry,
 * only that entry is lost: it is reported (log line, failed {@code Mono}, counter) and the rest of
 * its batch is stored.
 * <p>
 * The run is created on the server by {@link #start()}, or by the first delivery that needs it.
 * A start that fails (for example because the server is down) is tried again by the next call; a
 * start that succeeds is never repeated, so the handle never creates two runs.
 */
public final class MlflowRun {

	private static final Log logger = LogFactory.getLog(MlflowRun.class);

	private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

	private static final Duration UNBOUNDED_FLUSH = Duration.ofDays(1);

	private final MlflowTemplate operations;

	private final Mono<RunInfo> start;

	private final RunLogPipeline pipeline;

	private final Map<String, String> loggedParams = new ConcurrentHashMap<>();

	private final AtomicReference<@Nullable RunInfo> info = new AtomicReference<>();

	private final AtomicReference<@Nullable RunStatus> endStatus = new AtomicReference<>();

	MlflowRun(MlflowTemplate operations, Mono<RunInfo> opener, LoggingOptions options, BatchSender sender,
			LoggingCounters counters) {
		this.operations = operations;
		this.start = opener.doOnNext(this.info::set)
			.cache((value) -> FOREVER, (error) -> Duration.ZERO, () -> Duration.ZERO);
		Mono<String> runIdForDelivery = Retries.withRetries(this.start.map(RunInfo::runId), options.retry(),
				Retries::wasNeverSent, "opening the MLflow run", counters.retries::increment);
		this.pipeline = new RunLogPipeline(runIdForDelivery, options, sender, counters);
	}

	/**
	 * Creates the run on the server, once. Later calls return the same run.
	 * @return the run info
	 */
	public Mono<RunInfo> start() {
		return this.start;
	}

	/**
	 * Creates the run on the server, once, retrying transient failures (such as a server that is
	 * not up yet) for at most {@code within}. Fails with the last error when that is not enough.
	 * @param within the time budget
	 * @return the run info
	 */
	public Mono<RunInfo> start(Duration within) {
		return this.start.contextWrite(Retries.deadlineAfter(within))
			.timeout(within, Mono.error(() -> new MlflowException("The MLflow server did not open the run within "
					+ within.toMillis() + " ms")));
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
	 * Entries logged to this run and not yet stored or given up.
	 * @return the number of pending entries
	 */
	public int getPendingEntries() {
		return this.pipeline.pending();
	}

	/**
	 * Fetches the run from the server: its status, params, tags and latest metrics.
	 * @return the run
	 */
	public Mono<Run> fetch() {
		return runId().flatMap(this.operations::getRun);
	}

	/**
	 * Logs a param. Params are write-once: logging another value for a key logged before
	 * throws {@link MlflowValidationException}.
	 * @param key the param key
	 * @param value the param value, at most 6000 characters
	 * @return completes when the server stored the param
	 */
	public Mono<Void> logParam(String key, String value) {
		checkParam(key, value);
		return this.pipeline.enqueue(new Param(key, value));
	}

	/**
	 * Logs several params.
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
		return logMetric(new Metric(key, value, System.currentTimeMillis(), step));
	}

	/**
	 * Logs a metric point.
	 * @param metric the point
	 * @return completes when the server stored the point
	 */
	public Mono<Void> logMetric(Metric metric) {
		LogEntryValidator.checkMetric(metric);
		return this.pipeline.enqueue(metric);
	}

	/**
	 * Sets a tag.
	 * @param key the tag key
	 * @param value the tag value, at most 8000 characters
	 * @return completes when the server stored the tag
	 */
	public Mono<Void> setTag(String key, String value) {
		LogEntryValidator.checkTag(key, value);
		return this.pipeline.enqueue(new Tag(key, value));
	}

	/**
	 * Logs metrics, params and tags. Every entry is checked first; when one is invalid nothing of
	 * the batch is logged.
	 * @param batch the entries
	 * @return completes when the server stored every entry, fails when some were not
	 */
	public Mono<Void> logBatch(LogBatch batch) {
		batch.metrics().forEach(LogEntryValidator::checkMetric);
		batch.tags().forEach((tag) -> LogEntryValidator.checkTag(tag.key(), tag.value()));
		batch.params().forEach((param) -> LogEntryValidator.checkParam(param.key(), param.value()));
		rememberParams(batch.params());
		Mono<Void> delivery = Mono.empty();
		for (Param param : batch.params()) {
			delivery = delivery.and(this.pipeline.enqueue(param));
		}
		for (Tag tag : batch.tags()) {
			delivery = delivery.and(this.pipeline.enqueue(tag));
		}
		for (Metric metric : batch.metrics()) {
			delivery = delivery.and(this.pipeline.enqueue(metric));
		}
		return delivery;
	}

	/**
	 * Runs a block of work inside a new child run of this run: the child run is created in the
	 * same experiment with the tag {@code mlflow.parentRunId}, handed to the block, and ended
	 * {@code FINISHED} when the block completes, {@code FAILED} when it fails (the error is passed
	 * on to the caller unchanged) and {@code KILLED} when it is cancelled. What the block logged to
	 * the child is delivered before the child is ended.
	 * @param runName the name of the child run
	 * @param work the work, given the child run
	 * @param <T> the result type
	 * @return the result of the work
	 */
	public <T> Mono<T> inChildRun(String runName, Function<MlflowRun, ? extends Mono<T>> work) {
		return Mono.usingWhen(Mono.fromSupplier(() -> this.operations.childRun(this, RunSpec.named(runName)))
			.flatMap((child) -> child.start().thenReturn(child)), work,
				(child) -> child.end(RunStatus.FINISHED), (child, error) -> child.end(RunStatus.FAILED),
				(child) -> child.end(RunStatus.KILLED));
	}

	/**
	 * Completes when everything logged to this run before the call is stored; fails with
	 * {@link MlflowDeliveryException} when some of it was not (not reported by an earlier flush).
	 * @return the flush
	 */
	public Mono<Void> flush() {
		return this.pipeline.flush();
	}

	/**
	 * Delivers what is pending, then ends the run now with a status. Does nothing when the run was
	 * never started, or was already ended through this handle.
	 * @param status the final status
	 * @return the updated run info, or empty when there was nothing to end
	 */
	public Mono<RunInfo> end(RunStatus status) {
		return end(status, UNBOUNDED_FLUSH);
	}

	/**
	 * Waits up to {@code flushTimeout} for pending entries, reports what could not be delivered in
	 * time, then ends the run with a status. Nothing can be logged to the run afterwards.
	 * @param status the final status
	 * @param flushTimeout how long to wait for pending entries
	 * @return the updated run info, or empty when there was nothing to end
	 */
	public Mono<RunInfo> end(RunStatus status, Duration flushTimeout) {
		return Mono.defer(() -> {
			if (this.endStatus.get() != null) {
				return Mono.empty();
			}
			return this.pipeline.close(flushTimeout).flatMap((undelivered) -> {
				RunInfo current = this.info.get();
				if (undelivered > 0) {
					logger.warn(undelivered + " entries logged to MLflow run "
							+ ((current != null) ? current.runId() : "(never created)") + " were not delivered within "
							+ flushTimeout.toMillis() + " ms; the run is ended without them");
				}
				if (current == null) {
					return Mono.empty();
				}
				return this.operations.endRun(current.runId(), status)
					.doOnNext((updated) -> this.endStatus.compareAndSet(null, status));
			});
		});
	}

	private void checkParam(String key, String value) {
		LogEntryValidator.checkParam(key, value);
		String earlier = this.loggedParams.putIfAbsent(key, value);
		if (earlier != null && !earlier.equals(value)) {
			throw changedParam(key, earlier, value);
		}
	}

	/**
	 * Checks the params of a batch against each other and against the params logged before, and
	 * remembers them only when all of them pass, so that a refused batch leaves no trace.
	 */
	private void rememberParams(List<Param> params) {
		Map<String, String> batchValues = new HashMap<>();
		for (Param param : params) {
			String earlier = batchValues.containsKey(param.key()) ? batchValues.get(param.key())
					: this.loggedParams.get(param.key());
			if (earlier != null && !earlier.equals(param.value())) {
				throw changedParam(param.key(), earlier, param.value());
			}
			batchValues.putIfAbsent(param.key(), param.value());
		}
		batchValues.forEach(this.loggedParams::putIfAbsent);
	}

	private static MlflowValidationException changedParam(String key, String earlier, @Nullable String value) {
		return new MlflowValidationException("Param '" + key + "' was already logged with value '"
				+ abbreviate(earlier) + "'; MLflow params are write-once, so the value '" + abbreviate(value)
				+ "' was not logged. Use a metric or a tag for values that change");
	}

	private static String abbreviate(@Nullable String value) {
		if (value == null || value.length() <= 100) {
			return String.valueOf(value);
		}
		return value.substring(0, 100) + "... (" + value.length() + " characters)";
	}

}
