package io.github.mlflowstarter.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.Tag;

/**
 * The bounded, ordered buffer of one run: log calls add entries, the sender takes them in
 * batches that fit one {@code log-batch} request. Capacity counts entries until they are
 * settled, in flight included, so memory stays bounded however slow the server is.
 */
final class RunLogBuffer {

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition notFull = this.lock.newCondition();

	private final ArrayDeque<PendingEntry> queue = new ArrayDeque<>();

	private final int capacity;

	private final BufferOverflow overflow;

	private int unsettled;

	private long lastSequence;

	private boolean closed;

	RunLogBuffer(int capacity, BufferOverflow overflow) {
		this.capacity = capacity;
		this.overflow = overflow;
	}

	/**
	 * Adds an entry, waiting for room or failing when full as the overflow policy says.
	 * @return the entry's sequence number
	 */
	long add(Object item) {
		this.lock.lock();
		try {
			while (this.unsettled >= this.capacity && !this.closed) {
				if (this.overflow == BufferOverflow.FAIL) {
					throw new MlflowBufferFullException(this.capacity);
				}
				this.notFull.awaitUninterruptibly();
			}
			if (this.closed) {
				throw new MlflowException("This MLflow run was ended; nothing more can be logged to it");
			}
			long sequence = ++this.lastSequence;
			this.queue.add(PendingEntry.of(sequence, item));
			this.unsettled++;
			return sequence;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Takes the longest run of entries from the head that fits one request: at most 1000
	 * metrics, 100 params, 100 tags, 1000 entries and the body size limit. A param whose key is
	 * already in the batch with another value ends the batch, so the server sees the values in
	 * logging order.
	 */
	List<PendingEntry> takeBatch() {
		this.lock.lock();
		try {
			List<PendingEntry> batch = new ArrayList<>();
			Map<String, String> params = new HashMap<>();
			int metrics = 0;
			int tags = 0;
			int bytes = 0;
			while (!this.queue.isEmpty() && batch.size() < LogBatchSplitter.MAX_ENTRIES) {
				PendingEntry next = this.queue.peek();
				if (!batch.isEmpty() && bytes + next.bytes() > LogBatchSplitter.MAX_BODY_BYTES) {
					break;
				}
				if (next.item() instanceof Metric) {
					if (metrics == LogBatchSplitter.MAX_METRICS) {
						break;
					}
					metrics++;
				}
				else if (next.item() instanceof Param param) {
					String earlier = params.get(param.key());
					if (earlier == null && params.size() == LogBatchSplitter.MAX_PARAMS) {
						break;
					}
					if (earlier != null && !Objects.equals(earlier, param.value())) {
						break;
					}
					params.put(param.key(), param.value());
				}
				else if (next.item() instanceof Tag) {
					if (tags == LogBatchSplitter.MAX_TAGS) {
						break;
					}
					tags++;
				}
				batch.add(this.queue.poll());
				bytes += next.bytes();
			}
			return batch;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Frees the room of settled entries (stored, rejected or given up).
	 */
	void settled(int count) {
		this.lock.lock();
		try {
			this.unsettled -= count;
			this.notFull.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Refuses further entries and hands back those still queued (not in flight).
	 */
	List<PendingEntry> close() {
		this.lock.lock();
		try {
			this.closed = true;
			List<PendingEntry> left = new ArrayList<>(this.queue);
			this.queue.clear();
			this.notFull.signalAll();
			return left;
		}
		finally {
			this.lock.unlock();
		}
	}

	long lastSequence() {
		this.lock.lock();
		try {
			return this.lastSequence;
		}
		finally {
			this.lock.unlock();
		}
	}

	int unsettled() {
		this.lock.lock();
		try {
			return this.unsettled;
		}
		finally {
			this.lock.unlock();
		}
	}

}
