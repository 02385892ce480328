package io.github.mlflowstarter.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample app in a JVM of its own, as a user starts it: with its own environment variables,
 * and stoppable with a real SIGTERM.
 */
final class SampleProcess implements AutoCloseable {

	private static final Pattern RUN_STARTED = Pattern.compile("MLflow run ([0-9a-f]{32}) started");

	private final Process process;

	private final Path output;

	private SampleProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	static SampleProcess start(Map<String, String> environment, String... args) throws IOException {
		Path output = Files.createTempFile("sample-app", ".log");
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), SampleApplication.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("MLFLOW_"));
		builder.environment().putAll(environment);
		return new SampleProcess(builder.start(), output);
	}

	String awaitRunStarted() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			Matcher matcher = RUN_STARTED.matcher(output());
			if (matcher.find()) {
				return matcher.group(1);
			}
			Thread.sleep(200);
		}
		Matcher matcher = RUN_STARTED.matcher(output());
		if (matcher.find()) {
			return matcher.group(1);
		}
		throw new AssertionError("The sample did not start its run; its output:\n" + output());
	}

	boolean awaitExit(long seconds) throws InterruptedException {
		return this.process.waitFor(seconds, TimeUnit.SECONDS);
	}

	int exitValue() {
		return this.process.exitValue();
	}

	void sigterm() {
		this.process.destroy();
	}

	String output() throws IOException {
		return Files.readString(this.output);
	}

	@Override
	public void close() throws IOException {
		this.process.destroyForcibly();
		Files.deleteIfExists(this.output);
	}

}
