package io.github.mlflowstarter.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentSkipListMap;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Knows which entries of a run are settled. Entries settle in sequence order (one batch of a run
 * is in flight at a time), so a watermark says "everything up to here is settled"; the few that
 * failed are remembered with their error.
 */
final class DeliveryTracker {

	/** Failed entries remembered for callers who ask later; older ones are forgotten. */
	private static final int MAX_REMEMBERED_FAILURES = 10_000;

	private final Object monitor = new Object();

	private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(
			(a, b) -> Long.compare(a.sequence(), b.sequence()));

	private final ConcurrentSkipListMap<Long, Throwable> failures = new ConcurrentSkipListMap<>();

	private volatile long watermark;

	private long reportedUpTo;

	/**
	 * Completes when the entry is stored, or fails with the reason it was not.
	 */
	Mono<Void> delivery(long sequence) {
		return Mono.create((sink) -> {
			if (this.watermark >= sequence) {
				complete(sink, sequence);
				return;
			}
			synchronized (this.monitor) {
				if (this.watermark < sequence) {
					this.waiters.add(new Waiter(sequence, sink));
					return;
				}
			}
			complete(sink, sequence);
		});
	}

	private void complete(MonoSink<Void> sink, long sequence) {
		Throwable failure = this.failures.get(sequence);
		if (failure != null) {
			sink.error(failure);
		}
		else {
			sink.success();
		}
	}

	/**
	 * Completes when every entry up to {@code sequence} is settled; fails with a
	 * {@link MlflowDeliveryException} when some of them, not reported by an earlier flush, were
	 * not stored.
	 */
	Mono<Void> flush(long sequence) {
		return delivery(sequence).onErrorResume((ex) -> Mono.empty()).then(Mono.defer(() -> {
			List<Throwable> missed = new ArrayList<>();
			synchronized (this.monitor) {
				for (Map.Entry<Long, Throwable> failure : this.failures.subMap(this.reportedUpTo, false, sequence, true)
					.entrySet()) {
					missed.add(failure.getValue());
				}
				this.reportedUpTo = Math.max(this.reportedUpTo, sequence);
			}
			if (missed.isEmpty()) {
				return Mono.empty();
			}
			return Mono.error(new MlflowDeliveryException(missed.size() + " logged entries were not stored; first: "
					+ missed.get(0).getMessage(), missed.size(), missed.get(0)));
		}));
	}

	/**
	 * Records that every entry up to {@code sequence} is settled, with the given failures.
	 */
	void settle(long sequence, Map<Long, Throwable> failed) {
		this.failures.putAll(failed);
		while (this.failures.size() > MAX_REMEMBERED_FAILURES) {
			this.failures.pollFirstEntry();
		}
		List<Waiter> ready = new ArrayList<>();
		synchronized (this.monitor) {
			this.watermark = Math.max(this.watermark, sequence);
			while (!this.waiters.isEmpty() && this.waiters.peek().sequence() <= sequence) {
				ready.add(this.waiters.poll());
			}
		}
		ready.forEach((waiter) -> complete(waiter.sink(), waiter.sequence()));
	}

	long watermark() {
		return this.watermark;
	}

	private record Waiter(long sequence, MonoSink<Void> sink) {
	}

}
