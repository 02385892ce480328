package io.github.mlflowstarter.testsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Where the test servers of {@link MlflowServer} keep their experiments and runs, and how many
 * worker processes they start. Chosen with system properties:
 * <ul>
 * <li>{@code mlflow.test.backend}: unset (or {@code sqlite}) for a SQLite file in each server's
 * data directory; or the URL of a PostgreSQL server, {@code postgresql://user@host:port/}, on
 * which each server started with {@link MlflowServer#startNew(String...)} gets a fresh database
 * of its own (made with {@code psql}, which must be on the {@code PATH}, dropped when the server
 * is closed; a server started again with {@link MlflowServer#start()} keeps its database).
 * {@code scripts/start-postgres.sh} starts such a server and prints its URL.</li>
 * <li>{@code mlflow.test.workers}: the {@code --workers} of {@code mlflow server} (default 1).
 * More than one worker needs a database that takes concurrent writers, such as PostgreSQL.</li>
 * </ul>
 */
public final class MlflowTestBackend {

	private static final String POSTGRESQL_DRIVER = "psycopg2-binary";

	private static final String POSTGRESQL_DIALECT = "psycopg2";

	private MlflowTestBackend() {
	}

	/**
	 * The configured PostgreSQL server URL, or {@code null} for SQLite.
	 * @return the {@code mlflow.test.backend} URL, or {@code null}
	 */
	static @Nullable URI postgresql() {
		String configured = System.getProperty("mlflow.test.backend", "").strip();
		if (configured.isEmpty() || configured.equals("sqlite")) {
			return null;
		}
		URI uri = URI.create(configured);
		if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
			throw new IllegalStateException("-Dmlflow.test.backend=" + configured + " is not supported: use sqlite or"
					+ " the URL of a PostgreSQL server, postgresql://user@host:port/ (scripts/start-postgres.sh"
					+ " starts one and prints its URL)");
		}
		return uri;
	}

	/**
	 * The {@code --workers} of each test server.
	 * @return the number of worker processes, at least 1
	 */
	public static int workers() {
		String configured = System.getProperty("mlflow.test.workers", "").strip();
		if (configured.isEmpty()) {
			return 1;
		}
		try {
			return Math.max(1, Integer.parseInt(configured));
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException(
					"-Dmlflow.test.workers=" + configured + " is not a number of worker processes, such as 4", ex);
		}
	}

	/**
	 * The Python packages the MLflow virtualenv needs for this backend, besides MLflow.
	 * @return the pip requirements, empty for SQLite
	 */
	public static List<String> requiredPackages() {
		return (postgresql() != null) ? List.of(POSTGRESQL_DRIVER) : List.of();
	}

	/**
	 * A new, empty backend store for a server whose files live in the given directory.
	 * @param dataDir the server's data directory
	 * @return the {@code --backend-store-uri}
	 */
	static String newStore(Path dataDir) {
		URI server = postgresql();
		if (server == null) {
			return "sqlite:///" + dataDir.resolve("mlflow.db");
		}
		String database = "mlflow_test_" + UUID.randomUUID().toString().replace("-", "");
		psql(server, "CREATE DATABASE " + database);
		// name the driver: SQLAlchemy 2.1 picks psycopg 3 for a plain postgresql:// URL, 2.0 psycopg2
		String storeUri = databaseUri(server, database);
		return storeUri.replaceFirst("^postgresql:", "postgresql+" + POSTGRESQL_DIALECT + ":");
	}

	/**
	 * Deletes a store made by {@link #newStore(Path)} once its server has stopped; a SQLite file
	 * goes with the data directory.
	 * @param storeUri the {@code --backend-store-uri}
	 */
	static void deleteStore(String storeUri) {
		URI server = postgresql();
		if (server == null || !storeUri.startsWith("postgresql")) {
			return;
		}
		String database = URI.create(storeUri).getPath().substring(1);
		try {
			psql(server, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
		catch (IllegalStateException ex) {
			// best effort: a database left behind goes with the PostgreSQL data directory
		}
	}

	private static String databaseUri(URI server, String database) {
		return server.getScheme() + "://" + server.getRawAuthority() + "/" + database
				+ ((server.getRawQuery() != null) ? "?" + server.getRawQuery() : "");
	}

	private static void psql(URI server, String sql) {
		List<String> command = List.of("psql", "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--dbname",
				databaseUri(server, "postgres"), "--command", sql);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("psql could not run '" + sql + "' on " + server
						+ " (is the PostgreSQL server of -Dmlflow.test.backend running? scripts/start-postgres.sh"
						+ " starts one): " + output.strip());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run psql for -Dmlflow.test.backend=" + server
					+ ": install the PostgreSQL client (Debian/Ubuntu: apt-get install postgresql-client)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
