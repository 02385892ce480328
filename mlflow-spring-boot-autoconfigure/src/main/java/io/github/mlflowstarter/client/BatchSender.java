package io.github.mlflowstarter.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.mlflowstarter.client.WireTypes.Empty;
import io.github.mlflowstarter.client.WireTypes.LogBatchRequest;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.Tag;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * Sends one batch of a run's entries as a {@code log-batch} request, tried again while the
 * failure is transient. When the server rejects the batch, the batch is halved until the
 * rejected entries are found: they are reported, and every other entry is stored.
 */
final class BatchSender {

	private static final Log logger = LogFactory.getLog(BatchSender.class);

	private final RestCalls rest;

	private final RetryPolicy retry;

	private final LoggingCounters counters;

	private final AtomicBoolean retrying = new AtomicBoolean();

	BatchSender(RestCalls rest, RetryPolicy retry, LoggingCounters counters) {
		this.rest = rest;
		this.retry = retry;
		this.counters = counters;
	}

	/**
	 * Sends the entries and reports those that were not stored.
	 * @return the failed entries' sequence numbers with the reason; empty when all were stored
	 */
	Mono<Map<Long, Throwable>> send(Mono<String> runId, List<PendingEntry> batch) {
		return runId.flatMap((id) -> sendIsolating(id, batch))
			.onErrorResume((error) -> Mono.just(failAll(batch, error, false)));
	}

	private Mono<Map<Long, Throwable>> sendIsolating(String runId, List<PendingEntry> batch) {
		return post(runId, batch).thenReturn(Map.<Long, Throwable>of()).onErrorResume((error) -> {
			if (!(error instanceof MlflowApiException api) || !api.isRejection()) {
				return Mono.just(failAll(batch, error, false));
			}
			if (batch.size() == 1 || concernsTheWholeRun(api)) {
				return Mono.just(failAll(batch, error, true));
			}
			List<PendingEntry> first = batch.subList(0, batch.size() / 2);
			List<PendingEntry> second = batch.subList(batch.size() / 2, batch.size());
			return sendIsolating(runId, first).flatMap((firstFailures) -> sendIsolating(runId, second)
				.map((secondFailures) -> merge(firstFailures, secondFailures)));
		});
	}

	private Mono<Void> post(String runId, List<PendingEntry> batch) {
		List<Metric> metrics = new ArrayList<>();
		Map<String, Param> params = new LinkedHashMap<>();
		List<Tag> tags = new ArrayList<>();
		for (PendingEntry entry : batch) {
			if (entry.item() instanceof Metric metric) {
				metrics.add(metric);
			}
			else if (entry.item() instanceof Param param) {
				params.putIfAbsent(param.key(), param);
			}
			else {
				tags.add((Tag) entry.item());
			}
		}
		LogBatchRequest request = new LogBatchRequest(runId, metrics, new ArrayList<>(params.values()), tags);
		return this.rest.post("/runs/log-batch", request, Empty.class, this.retry, true, this::onRetry)
			.then()
			.doOnSuccess((ignored) -> {
				this.counters.batches.increment();
				this.counters.delivered.add(batch.size());
				if (this.retrying.compareAndSet(true, false)) {
					logger.info("Delivery to MLflow resumed");
				}
			});
	}

	private void onRetry() {
		this.counters.retries.increment();
		if (this.retrying.compareAndSet(false, true)) {
			logger.warn("Delivery to MLflow is failing; logged entries are kept and retried for up to "
					+ this.retry.maxElapsed().toSeconds() + " s (" + this.counters.pending.sum() + " pending)");
		}
	}

	/**
	 * Whether a rejection is about the run rather than an entry (the run is gone or not active),
	 * so halving the batch would only repeat it.
	 */
	private static boolean concernsTheWholeRun(MlflowApiException error) {
		String message = error.getServerMessage();
		return error.hasErrorCode(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST) || message.contains("active state")
				|| message.contains("'active' state");
	}

	private Map<Long, Throwable> failAll(List<PendingEntry> batch, Throwable error, boolean rejected) {
		Map<Long, Throwable> failed = new HashMap<>();
		for (PendingEntry entry : batch) {
			failed.put(entry.sequence(), describe(entry, error, rejected));
		}
		if (rejected) {
			this.counters.rejected.add(batch.size());
			if (batch.size() == 1) {
				logger.warn("MLflow rejected " + batch.get(0).describe() + ": " + error.getMessage());
			}
			else {
				logger.warn("MLflow rejected " + batch.size() + " entries: " + error.getMessage());
			}
		}
		else {
			this.counters.undelivered.add(batch.size());
			logger.error("Gave up delivering " + batch.size() + " MLflow entries (from " + batch.get(0).describe()
					+ ") after retrying: " + error.getMessage());
		}
		return failed;
	}

	private static Throwable describe(PendingEntry entry, Throwable error, boolean rejected) {
		String what = rejected ? "MLflow rejected " : "Could not deliver ";
		return new MlflowDeliveryException(what + entry.describe() + ": " + error.getMessage(), 1, error);
	}

	private static Map<Long, Throwable> merge(Map<Long, Throwable> first, Map<Long, Throwable> second) {
		if (first.isEmpty()) {
			return second;
		}
		if (second.isEmpty()) {
			return first;
		}
		Map<Long, Throwable> merged = new HashMap<>(first);
		merged.putAll(second);
		return merged;
	}

}
