package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * Delivers what is logged to one run: log calls put entries into the run's bounded buffer and
 * return at once; a drain loop sends them as {@code log-batch} requests, one request in flight
 * at a time so the server sees them in order. Entries that arrive while a request is in flight
 * ride together in the next one, so the batches grow with the load by themselves.
 */
final class RunLogPipeline {

	private static final Log logger = LogFactory.getLog(RunLogPipeline.class);

	private final Mono<String> runId;

	private final RunLogBuffer buffer;

	private final DeliveryTracker tracker = new DeliveryTracker();

	private final BatchSender sender;

	private final LoggingCounters counters;

	private final AtomicInteger wip = new AtomicInteger();

	RunLogPipeline(Mono<String> runId, LoggingOptions options, BatchSender sender, LoggingCounters counters) {
		this.runId = runId;
		this.buffer = new RunLogBuffer(options.bufferCapacity(), options.overflow());
		this.sender = sender;
		this.counters = counters;
	}

	/**
	 * Buffers an entry and schedules its delivery.
	 * @return completes when the entry is stored, fails when it was not
	 */
	Mono<Void> enqueue(Object item) {
		long sequence = this.buffer.add(item);
		this.counters.pending.increment();
		if (this.wip.getAndIncrement() == 0) {
			drain();
		}
		return this.tracker.delivery(sequence);
	}

	/**
	 * Completes when every entry logged so far is settled.
	 */
	Mono<Void> flush() {
		return Mono.defer(() -> this.tracker.flush(this.buffer.lastSequence()));
	}

	/**
	 * Waits up to the timeout for what was logged, then refuses new entries and gives up on what
	 * is still waiting.
	 * @return how many entries were given up
	 */
	Mono<Long> close(Duration timeout) {
		return flush().onErrorResume((ex) -> Mono.empty())
			.timeout(timeout, Mono.empty())
			.then(Mono.fromSupplier(() -> {
				List<PendingEntry> left = this.buffer.close();
				if (left.isEmpty()) {
					return (long) this.buffer.unsettled();
				}
				Map<Long, Throwable> failures = new HashMap<>();
				MlflowDeliveryException reason = new MlflowDeliveryException(
						"Not delivered before the run was ended (mlflow.tracking.shutdown-timeout)", left.size(), null);
				left.forEach((entry) -> failures.put(entry.sequence(), reason));
				settle(left.get(left.size() - 1).sequence(), left.size(), failures);
				this.counters.undelivered.add(left.size());
				return (long) left.size() + this.buffer.unsettled();
			}));
	}

	int pending() {
		return this.buffer.unsettled();
	}

	private void drain() {
		for (;;) {
			int observed = this.wip.get();
			List<PendingEntry> batch = this.buffer.takeBatch();
			if (!batch.isEmpty()) {
				send(batch);
				return;
			}
			if (this.wip.compareAndSet(observed, 0)) {
				return;
			}
		}
	}

	private void send(List<PendingEntry> batch) {
		long last = batch.get(batch.size() - 1).sequence();
		this.sender.send(this.runId, batch).subscribe((failures) -> {
			settle(last, batch.size(), failures);
			drain();
		}, (error) -> {
			logger.error("Unexpected error in the MLflow logging pipeline", error);
			Map<Long, Throwable> failures = new HashMap<>();
			batch.forEach((entry) -> failures.put(entry.sequence(), error));
			settle(last, batch.size(), failures);
			drain();
		});
	}

	private void settle(long lastSequence, int count, Map<Long, Throwable> failures) {
		// Free the room first: waiters completed by the tracker may look at the buffer at once.
		this.buffer.settled(count);
		this.counters.pending.add(-count);
		this.tracker.settle(lastSequence, failures);
	}

}
