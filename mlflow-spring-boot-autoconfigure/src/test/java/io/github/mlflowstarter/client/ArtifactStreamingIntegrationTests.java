package io.github.mlflowstarter.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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

		long heapGrowth = measurePeakHeapGrowth(() -> {
			artifacts.upload(runId, "model/model.bin", source).block(TIMEOUT);
			artifacts.download(runId, "model/model.bin", target).block(TIMEOUT);
		});

		System.out.printf("50 MB artifact round trip: peak heap growth %.1f MB (limit %d MB)%n",
				heapGrowth / (1024.0 * 1024.0), MAX_HEAP_GROWTH / (1024 * 1024));
		assertThat(artifacts.list(runId, "model").collectList().block(TIMEOUT))
			.containsExactly(new FileInfo("model/model.bin", false, (long) FILE_SIZE));
		assertThat(Files.size(target)).isEqualTo(FILE_SIZE);
		assertThat(sha256(target)).isEqualTo(sourceSha256);
		assertThat(heapGrowth).isLessThan(MAX_HEAP_GROWTH);
	}

	/**
	 * Runs the work after a full GC and samples the used heap every 10 ms; returns the highest
	 * sample minus the used heap before the work.
	 */
	private static long measurePeakHeapGrowth(Runnable work) throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		Thread.sleep(200);
		long baseline = memory.getHeapMemoryUsage().getUsed();
		AtomicLong peak = new AtomicLong(baseline);
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0,
				10, TimeUnit.MILLISECONDS);
		try {
			work.run();
		}
		finally {
			sampler.shutdown();
			sampler.awaitTermination(5, TimeUnit.SECONDS);
		}
		return peak.get() - baseline;
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
