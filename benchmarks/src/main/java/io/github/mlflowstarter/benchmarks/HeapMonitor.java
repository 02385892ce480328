package io.github.mlflowstarter.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches heap use while a scenario runs: samples {@code MemoryMXBean} heap used every 10 ms in a
 * daemon thread, and also takes the heap size just before every GC (from GC notifications), which
 * is the true local maximum the sampler might fall between.
 */
final class HeapMonitor implements AutoCloseable {

	private static final long SAMPLE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private final AtomicLong peakUsed = new AtomicLong();

	private final AtomicLong gcCount = new AtomicLong();

	private final long baselineAfterGc;

	private final Set<String> heapPools;

	private final List<Registration> registrations = new ArrayList<>();

	private final Thread sampler;

	private volatile boolean running = true;

	private HeapMonitor() {
		this.heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());
		System.gc();
		this.baselineAfterGc = usedHeap();
		this.peakUsed.set(this.baselineAfterGc);
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				NotificationListener listener = (notification, handback) -> {
					if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
						.equals(notification.getType())) {
						GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
							.from((CompositeData) notification.getUserData());
						this.gcCount.incrementAndGet();
						record(heapSum(info.getGcInfo().getMemoryUsageBeforeGc()));
					}
				};
				emitter.addNotificationListener(listener, null, null);
				this.registrations.add(new Registration(emitter, listener));
			}
		}
		this.sampler = new Thread(() -> {
			while (this.running) {
				record(usedHeap());
				LockSupport.parkNanos(SAMPLE_INTERVAL_NANOS);
			}
		}, "heap-sampler");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	/**
	 * Forces a GC, then starts watching.
	 * @return the monitor
	 */
	static HeapMonitor start() {
		return new HeapMonitor();
	}

	/**
	 * Heap in use right after a forced full GC: roughly what is reachable at this moment.
	 * @return the retained heap in bytes
	 */
	static long retainedAfterGc() {
		System.gc();
		return usedHeap();
	}

	static long usedHeap() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	long peakUsed() {
		return this.peakUsed.get();
	}

	long gcCount() {
		return this.gcCount.get();
	}

	private void record(long used) {
		this.peakUsed.accumulateAndGet(used, Math::max);
	}

	private long heapSum(Map<String, MemoryUsage> usageByPool) {
		long sum = 0;
		for (Map.Entry<String, MemoryUsage> entry : usageByPool.entrySet()) {
			if (this.heapPools.contains(entry.getKey())) {
				sum += entry.getValue().getUsed();
			}
		}
		return sum;
	}

	@Override
	public void close() {
		this.running = false;
		LockSupport.unpark(this.sampler);
		try {
			this.sampler.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		record(usedHeap());
		for (Registration registration : this.registrations) {
			try {
				registration.emitter().removeNotificationListener(registration.listener());
			}
			catch (ListenerNotFoundException ex) {
				// already gone
			}
		}
	}

	private record Registration(NotificationEmitter emitter, NotificationListener listener) {
	}

}
