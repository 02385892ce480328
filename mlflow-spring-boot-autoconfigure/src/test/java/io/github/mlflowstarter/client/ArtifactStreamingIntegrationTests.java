package io.github.mlflowstarter.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import io.github.mlflowstarter.client.model.FileInfo;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large artifacts stream through {@link MlflowArtifacts}: a 50 MB file goes up from disk and
 * comes back to disk intact, while the heap does not grow with the file.
 */
@ExtendWith(SharedMlflowServer.class)
class ArtifactStreamingIntegrationTests {

	private static final int FILE_SIZE = 50 * 1024 * 1024;

	private static final long MAX_HEAP_GROWTH = 25L * 1024 * 1024;

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	@Test
	void fiftyMegabyteFileRoundTripsWithoutTheHeapGrowingWithTheFile(MlflowServer server, @TempDir Path temp)
			throws Exception {
		MlflowTemplate mlflow = MlflowTemplate.create(server.uri(), "artifacts-stream-" + UUID.randomUUID(),
				RunSpec.named("stream"));
		MlflowArtifacts artifacts = mlflow.artifacts();
		String runId = mlflow.activeRun().start().block(TIMEOUT).runId();
		Path source = temp.resolve("model.bin");
		String sourceSha256 = writeRandomFile(source, FILE_SIZE);
		Path target = temp.resolve("download/model.bin");
		// Warm up the connection pool, codecs and classes, so that the measurement sees the transfer only
		artifacts.upload(runId, "warm-up.bin", new byte[1024]).block(TIMEOUT);
		artifacts.downloadBytes(runId, "warm-up.bin").block(TIMEOUT);

		HeapGrowth heapGrowth = measureHeapGrowth(() -> {
			artifacts.upload(runId, "model/model.bin", source).block(TIMEOUT);
			artifacts.download(runId, "model/model.bin", target).block(TIMEOUT);
		});

		System.out.printf("50 MB artifact round trip: retained heap growth %.1f MB (limit %d MB; %d collections"
				+ " during the transfer); peak used heap growth, garbage included, %.1f MB%n",
				mb(heapGrowth.retained()), MAX_HEAP_GROWTH / (1024 * 1024), heapGrowth.collections(),
				mb(heapGrowth.used()));
		assertThat(artifacts.list(runId, "model").collectList().block(TIMEOUT))
			.containsExactly(new FileInfo("model/model.bin", false, (long) FILE_SIZE));
		assertThat(Files.size(target)).isEqualTo(FILE_SIZE);
		assertThat(sha256(target)).isEqualTo(sourceSha256);
		assertThat(heapGrowth.retained()).isLessThan(MAX_HEAP_GROWTH);
	}

	/**
	 * Runs the work after a full GC. Samples the used heap every 10 ms (which counts garbage not
	 * yet collected: a server that sends many small chunks makes more of it), and records the
	 * heap left after each collection during the work: what the transfer really holds on to. A
	 * transfer that buffered the file would hold 50 MB at the collections its own allocations
	 * cause.
	 */
	private static HeapGrowth measureHeapGrowth(Runnable work) throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		Thread.sleep(200);
		long baseline = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peakUsed = new AtomicLong(baseline);
		AtomicLong peakLive = new AtomicLong(baseline);
		AtomicLong collections = new AtomicLong();
		Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getName)
			.collect(Collectors.toSet());
		NotificationListener afterCollection = (notification, handback) -> {
			if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
					.from((CompositeData) notification.getUserData());
				long live = info.getGcInfo()
					.getMemoryUsageAfterGc()
					.entrySet()
					.stream()
					.filter((pool) -> heapPools.contains(pool.getKey()))
					.mapToLong((pool) -> pool.getValue().getUsed())
					.sum();
				peakLive.accumulateAndGet(live, Math::max);
				collections.incrementAndGet();
			}
		};
		List<NotificationEmitter> collectors = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.map(NotificationEmitter.class::cast)
			.toList();
		collectors.forEach((collector) -> collector.addNotificationListener(afterCollection, null, null));
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
				0, 10, TimeUnit.MILLISECONDS);
		try {
			work.run();
		}
		finally {
			sampler.shutdown();
			sampler.awaitTermination(5, TimeUnit.SECONDS);
			for (NotificationEmitter collector : collectors) {
				try {
					collector.removeNotificationListener(afterCollection);
				}
				catch (ListenerNotFoundException ex) {
					// already gone
				}
			}
		}
		return new HeapGrowth(peakLive.get() - baseline, peakUsed.get() - baseline, collections.get());
	}

	private static double mb(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

	/**
	 * How much the heap grew during a piece of work.
	 *
	 * @param live the highest heap left after a collection, minus the heap before the work
	 * @param used the highest used heap sampled, garbage included, minus the heap before
	 * @param collections how many collections ran during the work
	 */
	private record HeapGrowth(long live, long used, long collections) {

		/**
		 * What the work held on to: the heap left after the collections during the work, or,
		 * when none ran, the used heap (garbage included, so an upper bound).
		 */
		long retained() {
			return (this.collections > 0) ? this.live : this.used;
		}

	}

	private static String writeRandomFile(Path file, int size) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		Random random = new Random(42);
		byte[] chunk = new byte[64 * 1024];
		try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
			for (int written = 0; written < size; written += chunk.length) {
				random.nextBytes(chunk);
				out.write(chunk, 0, Math.min(chunk.length, size - written));
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String sha256(Path file) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw ex;
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
