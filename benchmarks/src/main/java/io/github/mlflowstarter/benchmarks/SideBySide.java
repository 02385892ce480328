package io.github.mlflowstarter.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.mlflowstarter.client.LoggingOptions;
import io.github.mlflowstarter.client.MlflowRun;
import io.github.mlflowstarter.client.MlflowTemplate;
import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.RunStatus;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Logs the same metric points to one real MLflow server with the official Java client and with
 * ours, side by side, and prints how long each took until the server had them all; then measures
 * the caller-thread cost of one log call with JMH.
 * <p>
 * Usage: {@code java -Xmx512m -jar mlflow-benchmarks.jar <tracking-uri>}; parameters come from
 * environment variables (see {@link Config}).
 */
public final class SideBySide {

	private static final String KEY = "m";

	private static final double MB = 1024.0 * 1024.0;

	private final Config config;

	private final URI trackingUri;

	private final MlflowTemplate template;

	private final MlflowClient official;

	private final MetricHistoryCheck check;

	private final List<String> notes = new ArrayList<>();

	private String experimentId;

	private SideBySide(Config config, URI trackingUri) {
		this.config = config;
		this.trackingUri = trackingUri;
		this.template = MlflowTemplate.create(trackingUri, config.experiment(), RunSpec.unnamed());
		this.official = new MlflowClient(trackingUri.toString());
		this.check = new MetricHistoryCheck(trackingUri);
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 1) {
			System.err.println("Usage: java -Xmx512m -jar mlflow-benchmarks.jar <tracking-uri>");
			System.exit(2);
		}
		Config config = Config.fromEnvironment();
		SideBySide benchmark = new SideBySide(config, URI.create(args[0]));
		try {
			benchmark.run();
		}
		finally {
			benchmark.official.close();
		}
		System.exit(0);
	}

	private void run() throws Exception {
		String header = header();
		System.out.println(header);
		this.experimentId = this.template.getOrCreateExperiment(this.config.experiment()).block(Duration.ofMinutes(1));
		log("Experiment '%s' (id %s)", this.config.experiment(), this.experimentId);

		warmUp();

		Result a = officialPerPoint("a", Math.min(this.config.points(), this.config.aPoints()));
		int aPoints = a.points();
		Result b = officialBatches("b", this.config.points());
		Result c = ourPerPoint("c", this.config.points());
		Result d = ourBatch("d", this.config.points());
		Result c3 = ourPerPoint("c-heap", this.config.heapPoints());

		CallerCost callerCost = this.config.skipJmh() ? null : callerCost();

		String report = report(header, aPoints, a, b, c, d, c3, callerCost);
		System.out.println();
		System.out.println(report);
		if (this.config.resultsFile() != null) {
			Path file = Path.of(this.config.resultsFile());
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, report);
		}
	}

	// ---------------------------------------------------------------- scenarios

	private void warmUp() {
		int points = this.config.warmupPoints();
		if (points <= 0) {
			return;
		}
		long start = System.nanoTime();
		String aRun = createOfficialRun("warmup-a");
		long base = System.currentTimeMillis();
		for (int i = 0; i < Math.min(points, 100); i++) {
			this.official.logMetric(aRun, KEY, i, base + i, i);
		}
		String bRun = createOfficialRun("warmup-b");
		logOfficialBatches(bRun, points);
		MlflowRun cRun = this.template.newRun(this.config.experiment(), RunSpec.named("warmup-c"));
		cRun.start().block(Duration.ofMinutes(1));
		for (int i = 0; i < points; i++) {
			cRun.logMetric(new Metric(KEY, i, base + i, i));
		}
		cRun.flush().block();
		String dRun = this.template.createRun(this.experimentId, RunSpec.named("warmup-d")).block().info().runId();
		this.template.logBatch(dRun, batchOf(points, base)).block();
		log("Warm-up: %,d points through each path (100 for (a)) in %.1f s, runs warmup-a..d", points,
				seconds(start));
	}

	/**
	 * (a) the official client, one log-metric request per point; stops early after
	 * {@code A_MAX_SECONDS} so a slow or busy machine cannot stretch the whole run.
	 */
	private Result officialPerPoint(String name, int points) {
		String runId = createOfficialRun(name);
		long base = System.currentTimeMillis();
		long start = System.nanoTime();
		boolean capped = this.config.aMaxSeconds() > 0;
		long deadline = start + TimeUnit.SECONDS.toNanos(Math.max(0, this.config.aMaxSeconds()));
		int logged = 0;
		while (logged < points && (!capped || logged % 100 != 0 || System.nanoTime() - deadline < 0)) {
			this.official.logMetric(runId, KEY, logged, base + logged, logged);
			logged++;
		}
		double seconds = seconds(start);
		if (logged < points) {
			this.notes.add(String.format(Locale.ROOT, "(a) stopped after %,d of its %,d points when A_MAX_SECONDS=%d"
					+ " ran out; its points/s is measured on those.", logged, points, this.config.aMaxSeconds()));
		}
		return finish(name, "(a) official MlflowClient.logMetric, 1 request per point", runId, logged, seconds,
				true);
	}

	/** (b) the official client's logBatch, 1000 points per call. */
	private Result officialBatches(String name, int points) {
		String runId = createOfficialRun(name);
		long start = System.nanoTime();
		logOfficialBatches(runId, points);
		double seconds = seconds(start);
		return finish(name, "(b) official MlflowClient.logBatch, 1000 points per call", runId, points, seconds, true);
	}

	private void logOfficialBatches(String runId, int points) {
		long base = System.currentTimeMillis();
		int chunk = this.config.bChunk();
		for (int from = 0; from < points; from += chunk) {
			int to = Math.min(points, from + chunk);
			List<Service.Metric> metrics = new ArrayList<>(to - from);
			for (int i = from; i < to; i++) {
				metrics.add(Service.Metric.newBuilder()
					.setKey(KEY)
					.setValue(i)
					.setTimestamp(base + i)
					.setStep(i)
					.build());
			}
			this.official.logBatch(runId, metrics, List.of(), List.of());
		}
	}

	/**
	 * (c) our handle, one call per point without subscribing; the time includes the flush, that
	 * is until the server acknowledged every point. Also watches the heap.
	 */
	private Result ourPerPoint(String name, int points) {
		MlflowRun run = this.template.newRun(this.config.experiment(), RunSpec.named(name));
		run.start().block(Duration.ofMinutes(1));
		HeapMonitor heap = HeapMonitor.start();
		long base = System.currentTimeMillis();
		long start = System.nanoTime();
		for (int i = 0; i < points; i++) {
			run.logMetric(new Metric(KEY, i, base + i, i));
		}
		double enqueueSeconds = seconds(start);
		int pendingAfterEnqueue = run.getPendingEntries();
		long gcStart = System.nanoTime();
		long retained = HeapMonitor.retainedAfterGc();
		double gcSeconds = seconds(gcStart);
		run.flush().block();
		double seconds = seconds(start);
		heap.close();
		long retainedAfterFlush = HeapMonitor.retainedAfterGc();
		HeapFigures figures = new HeapFigures(heap.peakUsed(), retained, pendingAfterEnqueue, retainedAfterFlush,
				heap.gcCount(), enqueueSeconds, gcSeconds);
		String label = name.equals("c") ? "(c) our run.logMetric per point (no subscribe) + flush"
				: "(c) same as (c), " + (points == 3 * this.config.points() ? "3 x POINTS" : "HEAP_POINTS")
						+ " (heap check)";
		Result result = finish(name, label, run.getRunId(), points, seconds, false).withHeap(figures);
		run.end(RunStatus.FINISHED).block(Duration.ofMinutes(1));
		log("    caller's loop returned after %.2f s with %,d entries pending; peak heap %.0f MB, retained after"
				+ " a forced GC %.0f MB (GC took %.0f ms, inside the timed window)", enqueueSeconds,
				pendingAfterEnqueue, figures.peakUsed() / MB, retained / MB, gcSeconds * 1000);
		return result;
	}

	/** (d) our explicit batch API, all points in one call; the client splits it. */
	private Result ourBatch(String name, int points) {
		String runId = this.template.createRun(this.experimentId, RunSpec.named(name))
			.block(Duration.ofMinutes(1))
			.info()
			.runId();
		long base = System.currentTimeMillis();
		long start = System.nanoTime();
		this.template.logBatch(runId, batchOf(points, base)).block();
		double seconds = seconds(start);
		Result result = finish(name, "(d) our template.logBatch(runId, all points)", runId, points, seconds, false);
		this.template.endRun(runId, RunStatus.FINISHED).block(Duration.ofMinutes(1));
		return result;
	}

	private static LogBatch batchOf(int points, long base) {
		LogBatch.Builder batch = LogBatch.builder();
		for (int i = 0; i < points; i++) {
			batch.metric(new Metric(KEY, i, base + i, i));
		}
		return batch.build();
	}

	private String createOfficialRun(String name) {
		try {
			return this.official.createRun(Service.CreateRun.newBuilder()
				.setExperimentId(this.experimentId)
				.setRunName(name)
				.setStartTime(System.currentTimeMillis())
				.build()).getRunId();
		}
		catch (RuntimeException ex) {
			String note = "The official client could not create a run (" + ex + "); runs for (a) and (b) are created"
					+ " with our client and only logged to with the official one.";
			if (!this.notes.contains(note)) {
				this.notes.add(note);
				log("NOTE: %s", note);
			}
			return this.template.createRun(this.experimentId, RunSpec.named(name))
				.block(Duration.ofMinutes(1))
				.info()
				.runId();
		}
	}

	private Result finish(String name, String label, String runId, int points, double seconds, boolean officialRun) {
		long verifyStart = System.nanoTime();
		long stored = this.check.verify(runId, KEY, points);
		log("%-7s %,9d points in %8.2f s = %,10.0f points/s (run %s; server has all %,d, read back in %.1f s)", name,
				points, seconds, points / seconds, runId, stored, seconds(verifyStart));
		if (officialRun) {
			try {
				this.official.setTerminated(runId);
			}
			catch (RuntimeException ex) {
				this.template.endRun(runId, RunStatus.FINISHED).block(Duration.ofMinutes(1));
			}
		}
		return new Result(name, label, points, seconds, runId, null);
	}

	// ---------------------------------------------------------------- JMH

	private CallerCost callerCost() throws Exception {
		Path dir = Path.of(this.config.workDir());
		Files.createDirectories(dir);
		Path jmhLog = dir.resolve("jmh.log");
		for (Mode mode : Mode.values()) {
			Files.deleteIfExists(statsFile(dir, mode));
		}
		List<String> jvmArgs = new ArrayList<>();
		maxHeapArgument().ifPresent(jvmArgs::add);
		jvmArgs.add("-D" + LogMetricCallBenchmark.STATS_DIR_PROPERTY + "=" + dir.toAbsolutePath());
		jvmArgs.add("-D" + LogMetricCallBenchmark.CAPACITY_PROPERTY + "=" + this.config.jmhBufferCapacity());
		OptionsBuilder builder = new OptionsBuilder();
		for (String mode : this.config.jmhModes().split(",")) {
			builder.mode(Mode.deepValueOf(mode.trim()));
		}
		Options options = builder.include(Pattern.quote(LogMetricCallBenchmark.class.getName()) + "\\.logMetric$")
			.timeUnit(TimeUnit.NANOSECONDS)
			.forks(this.config.jmhForks())
			.threads(1)
			.warmupIterations(this.config.jmhWarmupIterations())
			.warmupTime(TimeValue.seconds(this.config.jmhWarmupSeconds()))
			.measurementIterations(this.config.jmhIterations())
			.measurementTime(TimeValue.milliseconds(this.config.jmhIterationMillis()))
			.jvmArgs(jvmArgs.toArray(String[]::new))
			.shouldFailOnError(true)
			.output(jmhLog.toString())
			.build();
		log("JMH: caller cost of run.logMetric(new Metric(...)), modes %s, %d fork(s), %d x %d s warm-up, %d x %d ms"
				+ " measurement (output in %s)...", this.config.jmhModes(), this.config.jmhForks(),
				this.config.jmhWarmupIterations(), this.config.jmhWarmupSeconds(), this.config.jmhIterations(),
				this.config.jmhIterationMillis(), jmhLog);
		long start = System.nanoTime();
		Collection<RunResult> results = new Runner(options).run();
		Statistics sample = null;
		Statistics average = null;
		for (RunResult result : results) {
			Mode mode = result.getParams().getMode();
			if (mode == Mode.SampleTime) {
				sample = result.getPrimaryResult().getStatistics();
			}
			else if (mode == Mode.AverageTime) {
				average = result.getPrimaryResult().getStatistics();
			}
		}
		log("JMH done in %.0f s", seconds(start));
		return new CallerCost(sample, average, readStats(dir, Mode.SampleTime), readStats(dir, Mode.AverageTime));
	}

	private static Properties readStats(Path dir, Mode mode) {
		Properties stats = new Properties();
		Path file = statsFile(dir, mode);
		if (Files.exists(file)) {
			try (Reader in = Files.newBufferedReader(file)) {
				stats.load(in);
			}
			catch (IOException ex) {
				// reported as missing figures
			}
		}
		return stats;
	}

	private static Path statsFile(Path dir, Mode mode) {
		return dir.resolve("jmh-stats-" + mode.shortLabel() + ".properties");
	}

	private static java.util.Optional<String> maxHeapArgument() {
		return ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((arg) -> arg.startsWith("-Xmx"))
			.reduce((first, second) -> second);
	}

	// ---------------------------------------------------------------- report

	private String header() {
		String gcs = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.map(GarbageCollectorMXBean::getName)
			.collect(Collectors.joining(", "));
		return String.format(Locale.ROOT,
				"MLflow server %s at %s (1 worker, SQLite); client JVM: Java %s, %s (max heap %.0f MB), GC: %s, %d CPUs%n"
						+ "POINTS=%d A_POINTS=%d A_MAX_SECONDS=%d HEAP_POINTS=%d B_CHUNK=%d WARMUP_POINTS=%d",
				this.check.serverVersion(), this.trackingUri, System.getProperty("java.version"),
				maxHeapArgument().orElse("no -Xmx"), Runtime.getRuntime().maxMemory() / MB, gcs,
				Runtime.getRuntime().availableProcessors(), this.config.points(), this.config.aPoints(),
				this.config.aMaxSeconds(), this.config.heapPoints(), this.config.bChunk(), this.config.warmupPoints());
	}

	private String report(String header, int aPoints, Result a, Result b, Result c, Result d, Result c3,
			CallerCost callerCost) {
		StringBuilder out = new StringBuilder();
		out.append("## Results\n\n");
		out.append(header).append("\n\n");
		out.append("| scenario | points | seconds | points/s | vs (a) | vs (b) |\n");
		out.append("|---|---:|---:|---:|---:|---:|\n");
		for (Result result : List.of(a, b, c, d, c3)) {
			String label = result.label() + ((result == a && aPoints < this.config.points()) ? " ¹" : "");
			out.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %,.0f | %s | %s |%n", label, result.points(),
					result.seconds(), result.pointsPerSecond(), ratio(result, a), ratio(result, b)));
		}
		out.append('\n');
		if (aPoints < this.config.points()) {
			out.append(String.format(Locale.ROOT,
					"¹ (a) sends one HTTP request per point, so it was measured on %,d points (A_POINTS=%,d, at most"
							+ " A_MAX_SECONDS=%d s), not %,d; compare points/s.%n",
					aPoints, this.config.aPoints(), this.config.aMaxSeconds(), this.config.points()));
		}
		out.append("Every scenario logs to its own fresh run in one experiment; the time runs from the first call to"
				+ " the server's acknowledgement of the last point (for (c) that is the end of run.flush()). Each run's"
				+ " history was then read back with get-history and has exactly the logged steps.\n\n");
		out.append(String.format(Locale.ROOT,
				"Ratios in points/s: (c)/(a) = %s, (c)/(b) = %s, (d)/(a) = %s, (d)/(b) = %s%n%n", ratio(c, a),
				ratio(c, b), ratio(d, a), ratio(d, b)));
		if (callerCost != null) {
			out.append(callerCost.describe(this.config)).append('\n');
		}
		out.append(String.format(Locale.ROOT,
				"Peak heap during (c), client JVM %s (%s): heap used sampled every 10 ms and before each GC; 'retained'"
						+ " is heap used after a forced full GC right after the caller's loop, when the buffer holds"
						+ " the most entries.%n",
				maxHeapArgument().orElse("without -Xmx"), ManagementFactory.getGarbageCollectorMXBeans()
					.stream()
					.map(GarbageCollectorMXBean::getName)
					.collect(Collectors.joining(", "))));
		for (Result result : List.of(c, c3)) {
			HeapFigures heap = result.heap();
			out.append(String.format(Locale.ROOT,
					"- %,d points: peak heap used %.0f MB (%d GCs); retained %.0f MB with %,d entries pending, %.0f MB"
							+ " once they were delivered (so about %.0f MB for the buffered entries); caller's loop done"
							+ " after %.2f s%n",
					result.points(), heap.peakUsed() / MB, heap.gcCount(), heap.retainedAfterEnqueue() / MB,
					heap.pendingAfterEnqueue(), heap.retainedAfterFlush() / MB,
					Math.max(0, heap.retainedAfterEnqueue() - heap.retainedAfterFlush()) / MB, heap.enqueueSeconds()));
		}
		out.append(String.format(Locale.ROOT,
				"(buffer capacity %,d entries, BufferOverflow.BLOCK: beyond it the caller waits for the server, so the"
						+ " entries held, and the heap, do not grow with the number of points)%n",
				LoggingOptions.DEFAULT_BUFFER_CAPACITY));
		for (String note : this.notes) {
			out.append("\nNote: ").append(note).append('\n');
		}
		return out.toString();
	}

	private static String ratio(Result result, Result reference) {
		double ratio = result.pointsPerSecond() / reference.pointsPerSecond();
		return String.format(Locale.ROOT, (ratio >= 10) ? "%.0fx" : (ratio >= 0.1) ? "%.2fx" : "%.3fx", ratio);
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static void log(String format, Object... args) {
		System.out.println(String.format(Locale.ROOT, format, args));
	}

	// ---------------------------------------------------------------- types

	record Result(String name, String label, int points, double seconds, String runId, HeapFigures heap) {

		double pointsPerSecond() {
			return this.points / this.seconds;
		}

		Result withHeap(HeapFigures figures) {
			return new Result(this.name, this.label, this.points, this.seconds, this.runId, figures);
		}

	}

	record HeapFigures(long peakUsed, long retainedAfterEnqueue, int pendingAfterEnqueue, long retainedAfterFlush,
			long gcCount, double enqueueSeconds, double gcSeconds) {
	}

	record CallerCost(Statistics sample, Statistics average, Properties sampleStats, Properties averageStats) {

		String describe(Config config) {
			StringBuilder out = new StringBuilder();
			if (this.sample != null) {
				out.append(String.format(Locale.ROOT,
						"Caller cost of one run.logMetric(new Metric(...)): median %.0f ns/op (JMH SampleTime p0.50;"
								+ " p0.90 %.0f, p0.99 %.0f, p0.999 %.0f, mean %.0f ns, %,d samples)",
						this.sample.getPercentile(50), this.sample.getPercentile(90), this.sample.getPercentile(99),
						this.sample.getPercentile(99.9), this.sample.getMean(), this.sample.getN()));
			}
			if (this.average != null) {
				out.append(String.format(Locale.ROOT, "; AverageTime %.0f ± %.0f ns/op (99.9%% CI)",
						this.average.getMean(), this.average.getMeanErrorAt(0.999)));
			}
			out.append(String.format(Locale.ROOT, ".%nJMH 1.37, %d fork(s), %d x %d s warm-up, %d x %d ms"
					+ " measurement iterations, each starting with an empty buffer (untimed flush), 1 thread, fork JVM"
					+ " %s.%n", config.jmhForks(), config.jmhWarmupIterations(), config.jmhWarmupSeconds(),
					config.jmhIterations(), config.jmhIterationMillis(), maxHeapArgument().orElse("without -Xmx")));
			out.append("What it measures: the time the logging thread spends in the call (key check, putting the entry"
					+ " into the run's bounded buffer, waking the sender), while the background pipeline sends"
					+ " log-batch requests to an in-process stub server that answers 200 {} at once. It is not the time"
					+ " to store a point (the table is): a tight loop of calls outruns any delivery, so once the buffer"
					+ " is full a call waits for room (back-pressure) and would time the delivery instead; hence the"
					+ " short measurement iterations that log fewer entries than the buffer holds.\n");
			Map<String, Properties> byMode = new LinkedHashMap<>();
			byMode.put("SampleTime", this.sampleStats);
			byMode.put("AverageTime", this.averageStats);
			for (Map.Entry<String, Properties> entry : byMode.entrySet()) {
				Properties stats = entry.getValue();
				if (stats.isEmpty()) {
					continue;
				}
				long capacity = number(stats, "capacity");
				long maxCalls = number(stats, "maxCallsPerMeasurementIteration");
				out.append(String.format(Locale.ROOT,
						"- %s fork: %,d calls in %d measurement iterations, at most %,d in one (buffer capacity %,d: %s);"
								+ " at most %,d still pending at an iteration's end; %,d entries delivered to the stub in"
								+ " %,d log-batch requests, %d retries%n",
						entry.getKey(), number(stats, "loggedDuringMeasurement"), number(stats, "measurementIterations"),
						maxCalls, capacity,
						(maxCalls < capacity) ? "the buffer could not fill, so no measured call waited for room"
								: "the buffer may have filled, so some measured calls may have waited for the stub",
						number(stats, "maxPendingAtMeasurementIterationEnd"), number(stats, "delivered"),
						number(stats, "batches"), number(stats, "retries")));
			}
			return out.toString();
		}

	}

	private static long number(Properties stats, String name) {
		return Long.parseLong(stats.getProperty(name, "-1"));
	}

	/**
	 * Parameters, from environment variables.
	 */
	record Config(int points, int aPoints, int aMaxSeconds, int heapPoints, int bChunk, int warmupPoints, String experiment,
			int jmhForks, int jmhWarmupIterations, int jmhWarmupSeconds, int jmhIterations, int jmhIterationMillis,
			int jmhBufferCapacity, String jmhModes, boolean skipJmh, String workDir, String resultsFile) {

		static Config fromEnvironment() {
			int points = intEnv("POINTS", 100_000);
			return new Config(points, intEnv("A_POINTS", 5_000), intEnv("A_MAX_SECONDS", 120),
					intEnv("HEAP_POINTS", 3 * points),
					intEnv("B_CHUNK", 1000), intEnv("WARMUP_POINTS", 1000), env("EXPERIMENT", "mlflow-benchmarks"),
					intEnv("JMH_FORKS", 1), intEnv("JMH_WARMUP_ITERATIONS", 3), intEnv("JMH_WARMUP_SECONDS", 2),
					intEnv("JMH_ITERATIONS", 40), intEnv("JMH_ITERATION_MS", 10),
					intEnv("JMH_BUFFER_CAPACITY", 1_000_000), env("JMH_MODES", "sample"),
					"1".equals(env("SKIP_JMH", "0")), env("WORK_DIR", "target/bench"), env("RESULTS_FILE", null));
		}

		private static String env(String name, String fallback) {
			String value = System.getenv(name);
			return (value == null || value.isBlank()) ? fallback : value.trim();
		}

		private static int intEnv(String name, int fallback) {
			String value = env(name, null);
			return (value != null) ? Integer.parseInt(value.replace("_", "")) : fallback;
		}

	}

}
