package io.github.mlflowstarter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.github.mlflowstarter.client.BufferOverflow;
import io.github.mlflowstarter.client.LoggingOptions;
import io.github.mlflowstarter.client.LoggingStatistics;
import io.github.mlflowstarter.client.MlflowRun;
import io.github.mlflowstarter.client.MlflowTemplate;
import io.github.mlflowstarter.client.RetryPolicy;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.RunSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The caller-thread cost of one {@code run.logMetric(new Metric(...))}: what the thread that logs
 * pays before it can go on, with the entry going into the run's buffer and the background pipeline
 * sending batches to an in-process stub server that answers at once.
 * <p>
 * A tight loop of log calls outruns any delivery (even to the stub the pipeline sends a few hundred
 * thousand entries a second, the call takes a few hundred nanoseconds), so in a long iteration the
 * buffer fills and calls wait for room: the benchmark would time the delivery, not the call. So
 * every iteration starts with an empty buffer (a flush in the iteration setup, not timed) and the
 * measurement iterations are short enough to log fewer entries than the buffer holds; the report
 * checks that no measurement iteration logged as many calls as the capacity, so no measured call
 * could have waited for room. Warm-up iterations are long and may fill the buffer, which only warms
 * the waiting path too.
 */
@State(Scope.Thread)
public class LogMetricCallBenchmark {

	/** Where the forked JVM writes what it saw (a directory). */
	static final String STATS_DIR_PROPERTY = "bench.stats.dir";

	/** Buffer capacity of the run handle (entries). */
	static final String CAPACITY_PROPERTY = "bench.buffer.capacity";

	private StubMlflowServer stub;

	private MlflowTemplate template;

	private MlflowRun run;

	private int capacity;

	private String mode;

	private long base;

	private long step;

	private boolean measuring;

	private long stepAtIterationStart;

	private int measurementIterations;

	private long loggedDuringMeasurement;

	private long maxCallsPerMeasurementIteration;

	private long maxPendingAtMeasurementIterationEnd;

	private long flushNanos;

	@Setup(Level.Trial)
	public void startRun(BenchmarkParams params) {
		this.mode = params.getMode().shortLabel();
		this.capacity = Integer.getInteger(CAPACITY_PROPERTY, LoggingOptions.DEFAULT_BUFFER_CAPACITY);
		this.stub = new StubMlflowServer();
		URI uri = this.stub.uri();
		this.template = new MlflowTemplate(WebClient.builder(), uri, "e", RunSpec.unnamed(), RetryPolicy.defaults(),
				new LoggingOptions(this.capacity, BufferOverflow.BLOCK, RetryPolicy.defaults()));
		this.run = this.template.existingRun(StubMlflowServer.RUN_ID);
		this.run.start().block(Duration.ofSeconds(30));
		this.base = System.currentTimeMillis();
	}

	/** Empties the buffer (everything logged so far delivered), outside the timed window. */
	@Setup(Level.Iteration)
	public void beginIteration(IterationParams params) {
		long start = System.nanoTime();
		this.run.flush().block(Duration.ofMinutes(2));
		this.flushNanos += System.nanoTime() - start;
		this.measuring = params.getType() == IterationType.MEASUREMENT;
		this.stepAtIterationStart = this.step;
	}

	@TearDown(Level.Iteration)
	public void endIteration() {
		if (this.measuring) {
			long calls = this.step - this.stepAtIterationStart;
			this.measurementIterations++;
			this.loggedDuringMeasurement += calls;
			this.maxCallsPerMeasurementIteration = Math.max(this.maxCallsPerMeasurementIteration, calls);
			this.maxPendingAtMeasurementIterationEnd = Math.max(this.maxPendingAtMeasurementIterationEnd,
					this.run.getPendingEntries());
			this.measuring = false;
		}
	}

	@Benchmark
	public Mono<Void> logMetric() {
		long i = this.step++;
		return this.run.logMetric(new Metric("m", i, this.base + i, i));
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.run.flush().block(Duration.ofMinutes(2));
		LoggingStatistics statistics = this.template.getLoggingStatistics();
		Properties stats = new Properties();
		stats.setProperty("capacity", String.valueOf(this.capacity));
		stats.setProperty("loggedTotal", String.valueOf(this.step));
		stats.setProperty("measurementIterations", String.valueOf(this.measurementIterations));
		stats.setProperty("loggedDuringMeasurement", String.valueOf(this.loggedDuringMeasurement));
		stats.setProperty("maxCallsPerMeasurementIteration", String.valueOf(this.maxCallsPerMeasurementIteration));
		stats.setProperty("maxPendingAtMeasurementIterationEnd",
				String.valueOf(this.maxPendingAtMeasurementIterationEnd));
		stats.setProperty("delivered", String.valueOf(statistics.delivered()));
		stats.setProperty("batches", String.valueOf(statistics.batches()));
		stats.setProperty("retries", String.valueOf(statistics.retries()));
		stats.setProperty("stubLogBatchRequests", String.valueOf(this.stub.logBatchRequests()));
		stats.setProperty("iterationFlushMillis", String.valueOf(TimeUnit.NANOSECONDS.toMillis(this.flushNanos)));
		this.stub.close();
		String dir = System.getProperty(STATS_DIR_PROPERTY);
		if (dir != null) {
			try (Writer out = Files.newBufferedWriter(Path.of(dir).resolve("jmh-stats-" + this.mode + ".properties"))) {
				stats.store(out, "LogMetricCallBenchmark, mode " + this.mode);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
