package io.github.mlflowstarter.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;


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
			this.queue.add(new PendingEntry(sequence, item));
			this.unsettled++;
			return sequence;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Takes the longest run of entries from the head that fits one request (see
	 * {@link RequestBudget}).
	 */
	List<PendingEntry> takeBatch() {
		this.lock.lock();
		try {
			List<PendingEntry> batch = new ArrayList<>();
			RequestBudget budget = new RequestBudget();
			while (!this.queue.isEmpty() && budget.tryAdd(this.queue.peek().item())) {
				batch.add(this.queue.poll());
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
