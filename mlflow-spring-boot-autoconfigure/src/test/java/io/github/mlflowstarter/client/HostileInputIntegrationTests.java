package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.mlflowstarter.client.HostileInputCorpus.Call;
import io.github.mlflowstarter.client.HostileInputCorpus.Fails;
import io.github.mlflowstarter.client.HostileInputCorpus.HostileInput;
import io.github.mlflowstarter.client.HostileInputCorpus.LogEntry;
import io.github.mlflowstarter.client.HostileInputCorpus.Stored;
import io.github.mlflowstarter.client.HostileInputCorpus.Target;
import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.Tag;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static io.github.mlflowstarter.testsupport.ServerVersionAssumptions.assumeServerAtLeast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Runs the {@link HostileInputCorpus} against a real MLflow server. Every input must end in a
 * clear error at the call or be stored exactly, within a time limit, and the valid entries logged
 * around a bad one must be stored.
 */
@ExtendWith(SharedMlflowServer.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileInputIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static MlflowTemplate mlflow;

	private static final LogBatch VALID_BEFORE = LogBatch.builder()
		.param("valid.before", "kept")
		.tag("valid.tag", "kept")
		.metric(new Metric("valid.before.metric", 1.5, 1000, 1))
		.build();

	private static final LogBatch VALID_AFTER = LogBatch.builder()
		.param("valid.after", "kept")
		.metric(new Metric("valid.after.metric", 2.5, 1001, 2))
		.build();

	private static String experimentId;

	/** The run the calls go to; the inputs that write to it use paths and keys of their own. */
	private static String callRunId;

	@BeforeAll
	static void setUp(MlflowServer server) {
		// The corpus records what MLflow 3 answers. MLflow 2.22 answers some inputs differently (a
		// 10,000-character run id is refused by gunicorn with an HTML 400, experiment id "abc" gets 404)
		// and drops the connection when asked for an artifact whose name is not ASCII.
		assumeServerAtLeast(server, "3.0", "the hostile-input corpus, which records MLflow 3's answers");
		mlflow = MlflowTemplate.create(server.uri(), "hostile-" + UUID.randomUUID(), RunSpec.named("unused"));
		experimentId = mlflow.createExperiment("hostile-" + UUID.randomUUID()).block(TIMEOUT);
		callRunId = newRun(null);
	}

	static Stream<HostileInput> logEntries() {
		return HostileInputCorpus.logEntries();
	}

	static Stream<HostileInput> calls() {
		return HostileInputCorpus.calls();
	}

	@Test
	void theCorpusHasAtLeastSixtyInputsInEveryCategory() {
		List<HostileInput> all = HostileInputCorpus.all();
		assertThat(all).hasSizeGreaterThanOrEqualTo(60);
		assertThat(all).extracting(HostileInput::category)
			.contains("key characters", "key path tricks", "key spaces and length", "value length", "empty and null",
					"unicode", "metric numbers", "write-once params", "run ids", "experiment ids", "search filters",
					"artifact paths");
		assertThat(all).extracting(HostileInput::toString).doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("logEntries")
	void logEntryThroughTheLoggingPipeline(HostileInput input) {
		LogEntry entry = (LogEntry) input.attempt();
		String runId = newRun(entry);
		MlflowRun run = mlflow.existingRun(runId);
		run.logBatch(VALID_BEFORE);
		Mono<Void> delivery = null;
		Throwable refusedAtCall = null;
		try {
			delivery = log(run, entry.item());
		}
		catch (RuntimeException ex) {
			refusedAtCall = ex;
		}
		run.logBatch(VALID_AFTER);
		Throwable flushError = errorOf(run.flush());
		Run stored = mlflow.getRun(runId).block(TIMEOUT);
		assertValidEntriesStored(runId, stored);
		if (input.outcome() instanceof Stored expected) {
			assertThat(refusedAtCall).as("refused at the call").isNull();
			assertThat(errorOf(delivery)).as("delivery error").isNull();
			assertThat(flushError).as("flush error").isNull();
			assertReadBack(runId, stored, entry, expected);
		}
		else {
			Fails expected = (Fails) input.outcome();
			if (expected.errorCode() == null) {
				assertFails(refusedAtCall, expected);
				assertThat(flushError).as("flush error").isNull();
				assertNotStored(stored, entry);
			}
			else {
				assertThat(refusedAtCall).as("refused at the call").isNull();
				Throwable error = errorOf(delivery);
				assertThat(error).isInstanceOf(MlflowDeliveryException.class)
					.hasMessageContaining("'" + entry.key() + "'");
				assertFails(apiErrorIn(error), expected);
				assertThat(flushError).isInstanceOfSatisfying(MlflowDeliveryException.class,
						(flush) -> assertThat(flush.getFailedEntries()).isOne());
			}
		}
		assertThat(run.getPendingEntries()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("logEntries")
	void logEntryThroughTheExplicitIdApi(HostileInput input) {
		LogEntry entry = (LogEntry) input.attempt();
		String runId = newRun(entry);
		mlflow.logBatch(runId, VALID_BEFORE).block(TIMEOUT);
		Throwable error = errorOf(() -> log(runId, entry.item()));
		mlflow.logBatch(runId, VALID_AFTER).block(TIMEOUT);
		Run stored = mlflow.getRun(runId).block(TIMEOUT);
		assertValidEntriesStored(runId, stored);
		if (input.outcome() instanceof Stored expected) {
			assertThat(error).as("error").isNull();
			assertReadBack(runId, stored, entry, expected);
		}
		else {
			Fails expected = (Fails) input.outcome();
			assertFails(error, expected);
			if (expected.errorCode() == null) {
				assertNotStored(stored, entry);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("calls")
	void call(HostileInput input) {
		Target target = new Target(mlflow, experimentId, callRunId);
		Call call = (Call) input.attempt();
		List<Object> answer = null;
		Throwable error = null;
		try {
			answer = Flux.from(call.call().apply(target)).map(Object.class::cast).collectList().block(TIMEOUT);
		}
		catch (RuntimeException ex) {
			error = Exceptions.unwrap(ex);
		}
		if (input.outcome() instanceof Stored expected) {
			assertThat(error).as("error").isNull();
			if (expected.readBack() == null) {
				assertThat(answer).isEmpty();
			}
			else {
				assertThat(answer).containsExactly(expected.readBack());
			}
		}
		else {
			assertFails(error, (Fails) input.outcome());
		}
	}

	private static String newRun(@Nullable LogEntry entry) {
		String runId = mlflow.createRun(experimentId, RunSpec.named("hostile")).block(TIMEOUT).info().runId();
		if (entry != null) {
			for (Object item : entry.loggedBefore()) {
				log(runId, item).block(TIMEOUT);
			}
		}
		return runId;
	}

	private static Mono<Void> log(MlflowRun run, Object item) {
		if (item instanceof Param param) {
			return run.logParam(param.key(), param.value());
		}
		if (item instanceof Tag tag) {
			return run.setTag(tag.key(), tag.value());
		}
		return run.logMetric((Metric) item);
	}

	private static Mono<Void> log(String runId, Object item) {
		if (item instanceof Param param) {
			return mlflow.logParam(runId, param.key(), param.value());
		}
		if (item instanceof Tag tag) {
			return mlflow.setTag(runId, tag.key(), tag.value());
		}
		return mlflow.logMetric(runId, (Metric) item);
	}

	private static void assertValidEntriesStored(String runId, Run stored) {
		assertThat(stored.data().paramMap()).containsEntry("valid.before", "kept").containsEntry("valid.after", "kept");
		assertThat(stored.data().tagMap()).containsEntry("valid.tag", "kept");
		assertThat(stored.data().metrics()).filteredOn((metric) -> metric.key().startsWith("valid."))
			.extracting(Metric::key, Metric::value)
			.containsExactlyInAnyOrder(tuple("valid.before.metric", 1.5), tuple("valid.after.metric", 2.5));
	}

	private static void assertReadBack(String runId, Run stored, LogEntry entry, Stored expected) {
		if (entry.item() instanceof Param param) {
			assertThat(stored.data().paramMap()).containsKey(param.key());
			assertThat(stored.data().paramMap().get(param.key())).isEqualTo(expected.readBack());
		}
		else if (entry.item() instanceof Tag tag) {
			assertThat(stored.data().tagMap()).containsKey(tag.key());
			assertThat(stored.data().tagMap().get(tag.key())).isEqualTo(expected.readBack());
		}
		else {
			Metric metric = (Metric) entry.item();
			List<Metric> history = mlflow.getMetricHistory(runId, metric.key()).collectList().block(TIMEOUT);
			assertThat(history).hasSize(1);
			Metric point = history.get(0);
			assertThat(Double.compare(point.value(), (Double) expected.readBack()))
				.as("read back %s, expected %s", point.value(), expected.readBack())
				.isZero();
			assertThat(point.step()).isEqualTo(metric.step());
			assertThat(point.timestamp()).isEqualTo(metric.timestamp());
		}
	}

	private static void assertNotStored(Run stored, LogEntry entry) {
		int paramsBefore = (int) entry.loggedBefore().stream().filter(Param.class::isInstance).count();
		assertThat(stored.data().params()).hasSize(2 + paramsBefore);
		assertThat(stored.data().metrics()).extracting(Metric::key)
			.containsExactlyInAnyOrder("valid.before.metric", "valid.after.metric");
		assertThat(stored.data().tagMap().keySet()).allMatch((key) -> key.equals("valid.tag") || key.startsWith("mlflow."));
	}

	private static void assertFails(@Nullable Throwable error, Fails expected) {
		assertThat(error).as("error").isInstanceOf(expected.type());
		for (String part : expected.messageParts()) {
			assertThat(error.getMessage()).contains(part);
		}
		MlflowApiException api = apiErrorIn(error);
		if (expected.errorCode() == null) {
			assertThat(api).as("refused before anything was sent").isNull();
		}
		else {
			assertThat(api).as("the server's error").isNotNull();
			assertThat(api.getErrorCode()).isEqualTo(expected.errorCode());
			assertThat(api.isTransient()).as("a rejection that is not retried").isFalse();
		}
	}

	private static @Nullable MlflowApiException apiErrorIn(@Nullable Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof MlflowApiException api) {
				return api;
			}
		}
		return null;
	}

	private static @Nullable Throwable errorOf(@Nullable Publisher<?> publisher) {
		return (publisher != null) ? errorOf(() -> publisher) : null;
	}

	private static @Nullable Throwable errorOf(PublisherCall call) {
		try {
			Flux.from(call.get()).then().block(TIMEOUT);
			return null;
		}
		catch (RuntimeException ex) {
			return Exceptions.unwrap(ex);
		}
	}

	@FunctionalInterface
	private interface PublisherCall {

		Publisher<?> get();

	}

}
