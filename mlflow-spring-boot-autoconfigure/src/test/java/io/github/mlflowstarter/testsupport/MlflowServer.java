package io.github.mlflowstarter.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code mlflow server} process for tests: the pinned MLflow version from the project's
 * virtualenv, on a free loopback port, with a SQLite backend and an artifact root in a temporary
 * directory. It can be stopped and started again on the same database and port, for tests of what
 * happens while the server is away.
 * <p>
 * System properties run the same tests against another server (see
 * {@code scripts/compat-matrix.sh}):
 * <ul>
 * <li>{@code mlflow.venv} and {@code mlflow.version}: another MLflow virtualenv and the version it
 * holds (see {@link MlflowVirtualenv});</li>
 * <li>{@code mlflow.test.backend}: {@code postgresql://user@host:port/} to give each new server a
 * fresh PostgreSQL database of its own instead of a SQLite file (see
 * {@link MlflowTestBackend});</li>
 * <li>{@code mlflow.test.workers}: the server's {@code --workers} (default 1).</li>
 * </ul>
 * Tests of features that older servers lack skip themselves with
 * {@link ServerVersionAssumptions#assumeServerAtLeast(MlflowServer, String, String)}.
 */
public final class MlflowServer implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

	private final Path dataDir;

	private final int port;

	private final List<String> extraArguments;

	private final Map<String, String> environment;

	private final String backendStoreUri;

	private Process process;

	private MlflowServer(Path dataDir, int port, List<String> extraArguments, Map<String, String> environment) {
		this.dataDir = dataDir;
		this.port = port;
		this.extraArguments = List.copyOf(extraArguments);
		this.environment = Map.copyOf(environment);
		this.backendStoreUri = MlflowTestBackend.newStore(dataDir);
	}

	/**
	 * Starts a server with a fresh database on a free port.
	 * @param extraArguments more arguments for {@code mlflow server}
	 * @return the running server
	 */
	public static MlflowServer startNew(String... extraArguments) {
		return startNew(Map.of(), extraArguments);
	}

	/**
	 * Starts a server with a fresh database on a free port, with more environment variables,
	 * such as those the basic-auth app needs (see {@link BasicAuthMlflowServer}).
	 * @param environment environment variables for the server process, on top of this JVM's
	 * @param extraArguments more arguments for {@code mlflow server}
	 * @return the running server
	 */
	public static MlflowServer startNew(Map<String, String> environment, String... extraArguments) {
		MlflowVirtualenv.ensureInstalled();
		try {
			MlflowServer server = new MlflowServer(Files.createTempDirectory("mlflow-test-"), freePort(),
					List.of(extraArguments), environment);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A free loopback port, for tests that need an address where nothing listens.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The tracking URI, {@code http://127.0.0.1:<port>}.
	 * @return the tracking URI
	 */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Where the database, the artifacts and the server log live.
	 * @return the data directory
	 */
	public Path dataDir() {
		return this.dataDir;
	}

	/**
	 * The server's MLflow version, as its {@code GET /version} answers.
	 * @return the version, for example {@code 3.17.2}
	 */
	public String version() {
		try {
			HttpURLConnection connection = (HttpURLConnection) uri().resolve("/version").toURL().openConnection();
			connection.setConnectTimeout(5000);
			connection.setReadTimeout(30_000);
			try (InputStream body = connection.getInputStream()) {
				return new String(body.readAllBytes(), StandardCharsets.UTF_8).strip();
			}
			finally {
				connection.disconnect();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the version of the MLflow server at " + uri(), ex);
		}
	}

	/**
	 * Whether the server process is alive.
	 * @return {@code true} while running
	 */
	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Starts the server (again) on the same database and port, and waits until it is healthy.
	 */
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		List<String> command = new ArrayList<>(List.of(MlflowVirtualenv.mlflowExecutable().toString(), "server",
				"--host", "127.0.0.1", "--port", String.valueOf(this.port), "--workers",
				String.valueOf(MlflowTestBackend.workers()), "--backend-store-uri", this.backendStoreUri,
				"--artifacts-destination",
				this.dataDir.resolve("artifacts").toString()));
		command.addAll(this.extraArguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.dataDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDir.resolve("server.log").toFile()));
		builder.environment().put("PYTHONUNBUFFERED", "1");
		builder.environment().putAll(this.environment);
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + command, ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
		awaitHealthy();
	}

	private void awaitHealthy() {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("mlflow server exited with " + this.process.exitValue()
						+ "; its log:\n" + serverLog());
			}
			if (isHealthy()) {
				warmUp();
				return;
			}
			sleep(200);
		}
		stop();
		throw new IllegalStateException("mlflow server was not healthy within " + STARTUP_TIMEOUT + "; its log:\n"
				+ serverLog());
	}

	/**
	 * The first API request of a new server process imports most of MLflow and takes seconds;
	 * make it here, so that tests time their own requests, not the server's start. On a
	 * basic-auth server the answer is a 401, which is enough: the app is loaded by then.
	 */
	private void warmUp() {
		try {
			HttpURLConnection connection = (HttpURLConnection) uri()
				.resolve("/api/2.0/mlflow/experiments/search?max_results=1")
				.toURL()
				.openConnection();
			connection.setConnectTimeout(5000);
			connection.setReadTimeout(60_000);
			connection.getResponseCode();
			connection.disconnect();
		}
		catch (IOException ex) {
			// the tests will report it if the server really does not answer
		}
	}

	private boolean isHealthy() {
		try {
			HttpURLConnection connection = (HttpURLConnection) uri().resolve("/health").toURL().openConnection();
			connection.setConnectTimeout(1000);
			connection.setReadTimeout(2000);
			try {
				return connection.getResponseCode() == 200;
			}
			finally {
				connection.disconnect();
			}
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Stops the server and every process it started; the database stays.
	 */
	public synchronized void stop() {
		Process current = this.process;
		if (current == null || !current.isAlive()) {
			return;
		}
		List<ProcessHandle> children = current.descendants().toList();
		current.destroy();
		children.forEach(ProcessHandle::destroy);
		try {
			if (!current.waitFor(10, TimeUnit.SECONDS)) {
				current.destroyForcibly();
				current.waitFor(10, TimeUnit.SECONDS);
			}
			for (ProcessHandle child : children) {
				child.onExit().get(10, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			children.forEach(ProcessHandle::destroyForcibly);
		}
	}

	/**
	 * What the server printed.
	 * @return the server log
	 */
	public String serverLog() {
		try {
			return Files.readString(this.dataDir.resolve("server.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		stop();
		MlflowTestBackend.deleteStore(this.backendStoreUri);
		try (Stream<Path> files = Files.walk(this.dataDir)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: a temp directory left behind is harmless
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
