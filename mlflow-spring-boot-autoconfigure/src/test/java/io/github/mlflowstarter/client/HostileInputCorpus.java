package io.github.mlflowstarter.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.RunSearch;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.Tag;
import io.github.mlflowstarter.client.model.ExperimentSearch;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Malformed and hostile inputs, each with what the client must do with it against the real MLflow
 * server (3.17.2): refuse it at the call with an error that names the problem and the limit, pass on
 * the server's clear rejection, or store it exactly. Where the server disagrees with the reference
 * document, the expectation records what the server does and says so in the description.
 */
final class HostileInputCorpus {

	static final String KEY_CHARACTERS = "letters, digits";

	static final String NOT_NORMALIZED = "not a normalized path";

	private HostileInputCorpus() {
	}

	/**
	 * One hostile input.
	 *
	 * @param category the kind of hostility, for the report
	 * @param description what the input is, as shown in the test report
	 * @param attempt what is sent
	 * @param outcome what must happen
	 */
	record HostileInput(String category, String description, Attempt attempt, Outcome outcome) {

		@Override
		public String toString() {
			return "[" + this.category + "] " + this.description;
		}

	}

	/** What a hostile input does. */
	sealed interface Attempt permits LogEntry, Call {

	}

	/**
	 * Logs one entry to a fresh run, through the logging pipeline of a run handle and through the
	 * explicit-id API.
	 *
	 * @param item the {@link Param}, {@link Tag} or {@link Metric}, possibly with null fields
	 * @param loggedBefore entries another client logged to the run before (explicit-id API)
	 */
	record LogEntry(Object item, List<Object> loggedBefore) implements Attempt {

		String key() {
			if (this.item instanceof Param param) {
				return param.key();
			}
			if (this.item instanceof Tag tag) {
				return tag.key();
			}
			return ((Metric) this.item).key();
		}

	}

	/**
	 * Any other call; it may throw at once or answer with a publisher.
	 *
	 * @param call the call, given a target
	 */
	record Call(Function<Target, Publisher<?>> call) implements Attempt {

	}

	/**
	 * Where a call goes: a template, an experiment and a fresh run in it.
	 *
	 * @param mlflow the template
	 * @param experimentId the experiment
	 * @param runId the run
	 */
	record Target(MlflowTemplate mlflow, String experimentId, String runId) {

	}

	/** What must happen. */
	sealed interface Outcome permits Stored, Fails {

	}

	/**
	 * The input is accepted and stored exactly: reading it back gives {@code readBack}.
	 *
	 * @param readBack the value read back (a param or tag value, a metric value, or what a call
	 * answers); {@code null} for a call that answers nothing
	 */
	record Stored(@Nullable Object readBack) implements Outcome {

	}

	/**
	 * The input fails with a clear error.
	 *
	 * @param type the exception type
	 * @param errorCode MLflow's error code when the server rejected it, or {@code null} when the
	 * client refused it before sending anything
	 * @param messageParts what the message must contain: what is wrong and the limit
	 */
	record Fails(Class<? extends Throwable> type, @Nullable String errorCode, List<String> messageParts)
			implements Outcome {

	}

	static Stored stored(@Nullable Object readBack) {
		return new Stored(readBack);
	}

	static Fails refused(String... messageParts) {
		return new Fails(MlflowValidationException.class, null, List.of(messageParts));
	}

	static Fails illegalArgument(String... messageParts) {
		return new Fails(IllegalArgumentException.class, null, List.of(messageParts));
	}

	static Fails serverRejects(String errorCode, String... messageParts) {
		return new Fails(MlflowApiException.class, errorCode, List.of(messageParts));
	}

	/**
	 * Every hostile input.
	 * @return the corpus
	 */
	static List<HostileInput> all() {
		List<HostileInput> all = new ArrayList<>();
		all.addAll(keyCharacters());
		all.addAll(keyPaths());
		all.addAll(keySpacesAndLengths());
		all.addAll(valueLengths());
		all.addAll(emptyAndNull());
		all.addAll(unicode());
		all.addAll(metricNumbers());
		all.addAll(writeOnceParams());
		all.addAll(runIds());
		all.addAll(experimentIds());
		all.addAll(searchFilters());
		all.addAll(artifactPaths());
		return all;
	}

	static Stream<HostileInput> logEntries() {
		return all().stream().filter((input) -> input.attempt() instanceof LogEntry);
	}

	static Stream<HostileInput> calls() {
		return all().stream().filter((input) -> input.attempt() instanceof Call);
	}

	private static HostileInput param(String category, String description, @Nullable String key,
			@Nullable String value, Outcome outcome) {
		return new HostileInput(category, description, new LogEntry(new Param(key, value), List.of()), outcome);
	}

	private static HostileInput tag(String category, String description, @Nullable String key, @Nullable String value,
			Outcome outcome) {
		return new HostileInput(category, description, new LogEntry(new Tag(key, value), List.of()), outcome);
	}

	private static HostileInput metric(String category, String description, Metric metric, Outcome outcome) {
		return new HostileInput(category, description, new LogEntry(metric, List.of()), outcome);
	}

	private static HostileInput call(String category, String description, Function<Target, Publisher<?>> call,
			Outcome outcome) {
		return new HostileInput(category, description, new Call(call), outcome);
	}

	private static List<HostileInput> keyCharacters() {
		String category = "key characters";
		return List.of(param(category, "NUL in a param key", "a\u0000b", "v", refused("U+0000", KEY_CHARACTERS)),
				param(category, "semicolon in a param key", "a;b", "v", refused("'a;b'", "';'", KEY_CHARACTERS)),
				tag(category, "asterisk in a tag key", "a*b", "v", refused("'a*b'", "'*'", KEY_CHARACTERS)),
				metric(category, "newline in a metric key", Metric.of("a\nb", 1), refused("a\\u000ab", "U+000A")),
				param(category, "trailing newline in a key (the server itself accepts it, its regex ends in $)",
						"key\n", "v", refused("U+000A", KEY_CHARACTERS)),
				tag(category, "tab in a tag key", "a\tb", "v", refused("U+0009", KEY_CHARACTERS)),
				param(category, "percent sign in a key", "a%b", "v", refused("'%'", KEY_CHARACTERS)),
				param(category, "hash in a key", "a#b", "v", refused("'#'", KEY_CHARACTERS)),
				metric(category, "question mark in a metric key", Metric.of("a?b", 1), refused("'?'", KEY_CHARACTERS)),
				tag(category, "ampersand in a tag key", "a&b", "v", refused("'&'", KEY_CHARACTERS)),
				param(category, "double quote in a key", "a\"b", "v", refused("'\"'", KEY_CHARACTERS)),
				param(category, "single quote in a key", "a'b", "v", refused("'''", KEY_CHARACTERS)),
				tag(category, "backslash in a tag key", "a\\b", "v", refused("'\\'", KEY_CHARACTERS)),
				param(category, "SQL in a key", "x' OR '1'='1", "v", refused("'''", KEY_CHARACTERS)),
				param(category, "no-break space in a key", "a\u00a0b", "v", refused("U+00A0", KEY_CHARACTERS)),
				param(category, "colon in a key (allowed on a non-Windows server)", "stage:train", "v",
						stored("v")));
	}

	private static List<HostileInput> keyPaths() {
		String category = "key path tricks";
		return List.of(param(category, "key climbing up: ../x", "../x", "v", refused("'../x'", NOT_NORMALIZED)),
				tag(category, "absolute key: /abs", "/abs", "v", refused("'/abs'", NOT_NORMALIZED)),
				metric(category, "key climbing out: a/../../b", Metric.of("a/../../b", 1),
						refused("'a/../../b'", NOT_NORMALIZED)),
				param(category, "double slash: a//b", "a//b", "v", refused("'a//b'", NOT_NORMALIZED)),
				param(category, "key '.'", ".", "v", refused("'.'", NOT_NORMALIZED)),
				tag(category, "key '..'", "..", "v", refused("'..'", NOT_NORMALIZED)),
				param(category, "key '...' (starts with ..)", "...", "v", refused("'...'", NOT_NORMALIZED)),
				param(category, "trailing slash: a/", "a/", "v", refused("'a/'", NOT_NORMALIZED)),
				metric(category, "dot segment: ./a", Metric.of("./a", 1), refused("'./a'", NOT_NORMALIZED)),
				param(category, "nested key a/b/c is fine", "a/b/c", "v", stored("v")),
				tag(category, "dots inside a segment: a..b is fine", "a..b", "v", stored("v")),
				param(category, "hidden-file-like key .hidden is fine", ".hidden", "v", stored("v")));
	}

	private static List<HostileInput> keySpacesAndLengths() {
		String category = "key spaces and length";
		String supplementaryCjk = "\uD840\uDC00";
		return List.of(param(category, "leading space kept", " lead", "v", stored("v")),
				tag(category, "trailing space kept", "trail ", "v", stored("v")),
				param(category, "key of spaces only", "   ", "v", stored("v")),
				param(category, "key of 250 characters (the limit)", "k".repeat(250), "v", stored("v")),
				tag(category, "key of 251 characters", "k".repeat(251), "v", refused("251 characters", "at most 250")),
				metric(category, "key of 1000 characters", Metric.of("m".repeat(1000), 1),
						refused("1000 characters", "at most 250")),
				param(category, "key of 250 supplementary CJK ideographs (500 UTF-16 chars; the server counts 250)",
						supplementaryCjk.repeat(250), "v", stored("v")),
				param(category, "key of 251 supplementary CJK ideographs", supplementaryCjk.repeat(251), "v",
						refused("251 characters", "at most 250")));
	}

	private static List<HostileInput> valueLengths() {
		String category = "value length";
		String emoji = "\uD83D\uDE80";
		return List.of(param(category, "param value of 6000 characters (the limit)", "p", "x".repeat(6000),
				stored("x".repeat(6000))),
				param(category, "param value of 6001 characters (the server would truncate it silently)", "p",
						"x".repeat(6001), refused("'p'", "6001 characters", "at most 6000")),
				param(category, "param value of 8000 characters", "p", "x".repeat(8000),
						refused("8000 characters", "at most 6000")),
				param(category, "param value of 6000 emoji (12000 UTF-16 chars; the server counts 6000)", "p",
						emoji.repeat(6000), stored(emoji.repeat(6000))),
				param(category, "param value of 6001 emoji", "p", emoji.repeat(6001),
						refused("6001 characters", "at most 6000")),
				tag(category, "tag value of 8000 characters (the limit)", "t", "y".repeat(8000), stored("y".repeat(8000))),
				tag(category, "tag value of 8001 characters (the server would truncate it silently)", "t",
						"y".repeat(8001), refused("'t'", "8001 characters", "at most 8000")));
	}

	private static List<HostileInput> emptyAndNull() {
		String category = "empty and null";
		return List.of(param(category, "empty param key", "", "v", refused("key must not be null or empty")),
				param(category, "null param key", null, "v", refused("key must not be null or empty")),
				tag(category, "null tag key", null, "v", refused("key must not be null or empty")),
				metric(category, "null metric key", new Metric(null, 1, 1, 0), refused("key must not be null or empty")),
				param(category, "null param value (the server would store it as empty)", "p", null,
						refused("'p'", "null value")),
				tag(category, "null tag value", "t", null, refused("'t'", "null value")),
				param(category, "empty param value", "p", "", stored("")),
				tag(category, "empty tag value", "t", "", stored("")));
	}

	private static List<HostileInput> unicode() {
		String category = "unicode";
		return List.of(param(category, "CJK key and value", "学习率", "百分之一", stored("百分之一")),
				tag(category, "Arabic (RTL) key and value with an RTL override", "مرحبا", "قيمة \u202e override",
						stored("قيمة \u202e override")),
				param(category, "Roman numeral and superscript digits in a key", "Ⅻ²", "v", stored("v")),
				param(category, "combining mark in a key (the server's \\w excludes it)", "e\u0301", "v",
						refused("U+0301", KEY_CHARACTERS)),
				tag(category, "zero-width joiner in a key", "a\u200db", "v", refused("U+200D", KEY_CHARACTERS)),
				metric(category, "emoji in a metric key", Metric.of("loss\uD83D\uDE80", 1),
						refused("U+1F680", KEY_CHARACTERS)),
				param(category, "emoji, ZWJ sequence and combining marks in a value", "p",
						"\uD83D\uDC69\u200D\uD83D\uDCBB e\u0301 \uD83C\uDDEF\uD83C\uDDF5",
						stored("\uD83D\uDC69\u200D\uD83D\uDCBB e\u0301 \uD83C\uDDEF\uD83C\uDDF5")),
				tag(category, "control characters, quotes and backslashes in a value", "t",
						"line1\nline2\t\"q\" \\ \u0007", stored("line1\nline2\t\"q\" \\ \u0007")),
				tag(category, "NUL in a value (a server on PostgreSQL fails with HTTP 500, retried in vain)", "t",
						"a\u0000b", refused("'t'", "NUL character", "PostgreSQL")),
				param(category, "SQL and HTML in a value", "p", "'); DROP TABLE params; -- <script>",
						stored("'); DROP TABLE params; -- <script>")),
				param(category, "unpaired high surrogate in a value (the server would store it damaged)", "p",
						"a\uD800b", refused("'p'", "unpaired surrogate")),
				tag(category, "unpaired low surrogate in a value", "t", "\uDFFF", refused("'t'", "unpaired surrogate")),
				param(category, "unpaired surrogate in a key", "a\uD800", "v", refused("U+D800", KEY_CHARACTERS)));
	}

	private static List<HostileInput> metricNumbers() {
		String category = "metric numbers";
		return List.of(metric(category, "NaN", new Metric("nan", Double.NaN, 1, 0), stored(Double.NaN)),
				metric(category, "+Infinity (the server clamps it to Double.MAX_VALUE)",
						new Metric("inf", Double.POSITIVE_INFINITY, 1, 0), stored(Double.MAX_VALUE)),
				metric(category, "-Infinity (the server clamps it to -Double.MAX_VALUE)",
						new Metric("ninf", Double.NEGATIVE_INFINITY, 1, 0), stored(-Double.MAX_VALUE)),
				metric(category, "-0.0 (the server loses the sign)", new Metric("negzero", -0.0, 1, 0), stored(0.0)),
				metric(category, "Double.MIN_VALUE", new Metric("tiny", Double.MIN_VALUE, 1, 0),
						stored(Double.MIN_VALUE)),
				metric(category, "Double.MAX_VALUE", new Metric("huge", Double.MAX_VALUE, 1, 0),
						stored(Double.MAX_VALUE)),
				metric(category, "negative step", new Metric("m", 1, 1, -5), stored(1.0)),
				metric(category, "step Long.MAX_VALUE", new Metric("m", 1, 1, Long.MAX_VALUE), stored(1.0)),
				metric(category, "step Long.MIN_VALUE", new Metric("m", 1, 1, Long.MIN_VALUE), stored(1.0)),
				metric(category, "timestamp 0", new Metric("m", 1, 0, 0), stored(1.0)),
				metric(category, "timestamp Long.MAX_VALUE", new Metric("m", 1, Long.MAX_VALUE, 0), stored(1.0)),
				metric(category, "negative timestamp", new Metric("m", 1, -1, 0), refused("'m'", "timestamp -1", "0 or more")));
	}

	private static List<HostileInput> writeOnceParams() {
		String category = "write-once params";
		return List.of(new HostileInput(category, "param another client logged with a different value",
				new LogEntry(Param.of("seed", "2"), List.of(Param.of("seed", "1"))),
				serverRejects(MlflowErrorCodes.INVALID_PARAMETER_VALUE, "seed", "Changing param values is not allowed")),
				new HostileInput(category, "param another client logged with the same value (harmless)",
						new LogEntry(Param.of("seed", "1"), List.of(Param.of("seed", "1"))), stored("1")),
				call(category, "param changed through the same run handle", (target) -> {
					MlflowRun run = target.mlflow().existingRun(target.runId());
					run.logParam("lr", "0.1");
					return run.logParam("lr", "0.2");
				}, refused("'lr'", "write-once", "'0.1'")));
	}

	private static List<HostileInput> runIds() {
		String category = "run ids";
		String doesNotExist = MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST;
		return List.of(call(category, "empty run id", (target) -> target.mlflow().getRun(""),
				illegalArgument("runId must not be null or blank")),
				call(category, "blank run id", (target) -> target.mlflow().getRun("   "),
						illegalArgument("runId must not be null or blank")),
				call(category, "run id ../runs", (target) -> target.mlflow().getRun("../runs"),
						serverRejects(doesNotExist, "../runs")),
				call(category, "run id nonexistent", (target) -> target.mlflow().getRun("nonexistent"),
						serverRejects(doesNotExist, "Run with id=nonexistent not found")),
				call(category, "run id of 10000 characters", (target) -> target.mlflow().getRun("r".repeat(10_000)),
						serverRejects(doesNotExist, "rrrrrrrrrr")),
				call(category, "percent-encoded run id %2e%2e (sent encoded, not decoded on the way)",
						(target) -> target.mlflow().getRun("%2e%2e"), serverRejects(doesNotExist, "%2e%2e")),
				call(category, "SQL-looking run id", (target) -> target.mlflow().getRun("' OR 1=1 --"),
						serverRejects(doesNotExist, "' OR 1=1 --")),
				call(category, "param logged to a nonexistent run (explicit-id API)",
						(target) -> target.mlflow().logParam("nonexistent", "k", "v"),
						serverRejects(doesNotExist, "nonexistent")),
				call(category, "param logged through a handle on a nonexistent run",
						(target) -> target.mlflow().existingRun("nonexistent").logParam("k", "v"),
						new Fails(MlflowDeliveryException.class, doesNotExist, List.of("param 'k'", "nonexistent"))));
	}

	private static List<HostileInput> experimentIds() {
		String category = "experiment ids";
		String huge = "99999999999999999999999";
		return List.of(call(category, "experiment id -1", (target) -> target.mlflow().getExperiment("-1"),
				serverRejects(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST, "id=-1")),
				call(category, "experiment id abc", (target) -> target.mlflow().getExperiment("abc"),
						serverRejects(MlflowErrorCodes.INVALID_PARAMETER_VALUE, "'abc'", "must be a valid integer")),
				call(category, "experiment id beyond 64 bits (the server fails with HTTP 500, retried in vain)",
						(target) -> target.mlflow().getExperiment(huge), illegalArgument(huge, "out of range")),
				call(category, "negative experiment id beyond 64 bits",
						(target) -> target.mlflow().getExperiment("-" + huge), illegalArgument("out of range")),
				call(category, "experiment id Long.MAX_VALUE", (target) -> target.mlflow()
					.getExperiment(String.valueOf(Long.MAX_VALUE)),
						serverRejects(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST, String.valueOf(Long.MAX_VALUE))),
				call(category, "empty experiment id", (target) -> target.mlflow().getExperiment(""),
						illegalArgument("experimentId must not be null or blank")),
				call(category, "run created in experiment abc",
						(target) -> target.mlflow().createRun("abc", RunSpec.named("x")),
						serverRejects(MlflowErrorCodes.INVALID_PARAMETER_VALUE, "must be a valid integer")),
				call(category, "run created in an experiment id beyond 64 bits",
						(target) -> target.mlflow().createRun(huge, RunSpec.named("x")),
						illegalArgument("out of range")),
				call(category, "runs searched in an experiment id beyond 64 bits",
						(target) -> target.mlflow().searchRuns(RunSearch.in(huge)), illegalArgument("out of range")));
	}

	private static List<HostileInput> searchFilters() {
		String category = "search filters";
		String invalid = MlflowErrorCodes.INVALID_PARAMETER_VALUE;
		return List.of(filter(category, "comparison without a value", "params.x = ",
				serverRejects(invalid, "Invalid clause(s) in filter string")),
				filter(category, "unbalanced quote", "params.x = 'abc",
						serverRejects(invalid, "Invalid clause(s) in filter string")),
				filter(category, "string compared to a metric", "metrics.loss > 'x'",
						serverRejects(invalid, "Expected numeric value type for metric")),
				filter(category, "OR (not in the grammar)", "params.x = 'a' OR params.y = 'b'",
						serverRejects(invalid, "'OR'")),
				filter(category, "SQL injection", "params.x = '' OR 1=1 --", serverRejects(invalid, "Invalid clause")),
				filter(category, "trailing AND (the server accepts it and ignores it)", "params.x = 'a' AND",
						stored(List.of())),
				call(category, "experiment filter with an unbalanced quote",
						(target) -> target.mlflow().searchExperiments(ExperimentSearch.all().withFilter("name = 'abc")),
						serverRejects(invalid, "Invalid clause(s) in filter string")));
	}

	private static HostileInput filter(String category, String description, String filter, Outcome outcome) {
		return call(category, description + ": " + filter,
				(target) -> target.mlflow().searchRuns(RunSearch.in(target.experimentId()).withFilter(filter)).collectList(),
				outcome);
	}

	private static List<HostileInput> artifactPaths() {
		String category = "artifact paths";
		String doesNotExist = MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST;
		List<HostileInput> inputs = new ArrayList<>();
		inputs.add(upload(category, "../x", refused("'../x'", "'..' segment")));
		inputs.add(upload(category, "a/../../x", refused("'..' segment")));
		inputs.add(upload(category, "/etc/passwd", refused("not absolute")));
		inputs.add(upload(category, "%2e%2e/x", refused("percent-escape", "'%2e'")));
		inputs.add(upload(category, "a%2F..%2F..%2Fx", refused("percent-escape", "'%2F'")));
		inputs.add(upload(category, "a%41b.txt (the server would store it as aAb.txt)", "a%41b.txt",
				refused("percent-escape", "another name")));
		inputs.add(upload(category, "C:\\x", refused("backslash")));
		inputs.add(upload(category, "C:/x", refused("not absolute")));
		inputs.add(upload(category, "dir\\file.txt", refused("backslash")));
		inputs.add(upload(category, "file:/etc/passwd", refused("file: URI")));
		inputs.add(upload(category, "file:///etc/passwd (the server fails with HTTP 500)", "file:///etc/passwd",
				refused("file: URI")));
		inputs.add(upload(category, "a//b.txt (the server would store it as a/b.txt)", "a//b.txt", refused("'//'")));
		inputs.add(upload(category, "a/./b.txt (the server fails with HTTP 500)", "a/./b.txt", refused("'.' segments")));
		inputs.add(upload(category, ". (the server fails with HTTP 500)", ".", refused("'.' segments")));
		inputs.add(upload(category, "a#b.txt", refused("'#'")));
		inputs.add(upload(category, "dir/ (not a file)", "dir/", refused("must name a file")));
		inputs.add(upload(category, "control character", "a\u0001b.txt", refused("control characters")));
		inputs.add(upload(category, "unpaired surrogate", "a\uD800.txt", refused("unpaired surrogates")));
		inputs.add(upload(category, "file name of 256 bytes (the server fails with HTTP 500)", "f".repeat(256),
				refused("256 bytes", "at most 255")));
		inputs.add(upload(category, "empty path", "", refused("must not be null or blank")));
		inputs.add(roundTrip(category, "file name of 255 bytes", "f".repeat(255)));
		inputs.add(roundTrip(category, "CJK directories", "日本語/データ.txt"));
		inputs.add(roundTrip(category, "emoji and spaces", "emoji \uD83D\uDE80 file.txt"));
		inputs.add(roundTrip(category, "query and fragment-like characters", "what?a=1&b=2;c.txt"));
		inputs.add(roundTrip(category, "bare percent sign", "100%.txt"));
		inputs.add(roundTrip(category, "hidden file in a nested directory", "a/b/c/.hidden"));
		inputs.add(roundTrip(category, "drive-letter-like name in a subdirectory", "dir/c:x"));
		inputs.add(download(category, "../x", refused("'..' segment")));
		inputs.add(download(category, "%2e%2e/%2e%2e/mlflow.db", refused("percent-escape")));
		inputs.add(download(category, "/etc/passwd", refused("not absolute")));
		inputs.add(download(category, "a/../../x", refused("'..' segment")));
		inputs.add(download(category, "missing.txt", serverRejects(doesNotExist, "missing.txt")));
		inputs.add(call(category, "list ../x", (target) -> target.mlflow().artifacts().list(target.runId(), "../x"),
				refused("'..' segment")));
		inputs.add(call(category, "list a%2F..%2F..", (target) -> target.mlflow().artifacts().list(target.runId(),
				"a%2F..%2F.."), refused("percent-escape")));
		return inputs;
	}

	private static HostileInput upload(String category, String path, Outcome outcome) {
		return upload(category, path, path, outcome);
	}

	private static HostileInput upload(String category, String description, String path, Outcome outcome) {
		return call(category, "upload " + description,
				(target) -> target.mlflow().artifacts().uploadText(target.runId(), path, "hostile"), outcome);
	}

	private static HostileInput download(String category, String path, Outcome outcome) {
		return call(category, "download " + path,
				(target) -> target.mlflow().artifacts().downloadText(target.runId(), path), outcome);
	}

	private static HostileInput roundTrip(String category, String description, String path) {
		String content = "content of " + path;
		return call(category, "upload and download " + description, (target) -> target.mlflow()
			.artifacts()
			.uploadText(target.runId(), path, content)
			.then(Mono.defer(() -> target.mlflow().artifacts().downloadText(target.runId(), path))), stored(content));
	}

}
