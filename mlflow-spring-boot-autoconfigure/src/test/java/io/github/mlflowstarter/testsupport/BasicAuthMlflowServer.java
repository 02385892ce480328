package io.github.mlflowstarter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real {@code mlflow server --app-name basic-auth}: every request but {@code /health} needs
 * HTTP basic credentials. Its configuration file and user database live in a temporary
 * directory (never in the virtualenv). Users other than the admin get
 * {@code default_permission = NO_PERMISSIONS}: they can create experiments of their own but
 * cannot read or write anyone else's. Successful logins are cached for the server's lifetime
 * ({@code auth_cache_ttl_seconds}): checking a password hash takes a second of CPU or more, which
 * makes every request slow on a busy machine.
 * <p>
 * MLflow 3.17 ships no admin password and refuses the legacy default {@code password1234}, so
 * the admin's password is {@link #ADMIN_PASSWORD}.
 */
public final class BasicAuthMlflowServer implements AutoCloseable {

	/** The admin user, created by the server on its first start. */
	public static final String ADMIN_USERNAME = "admin";

	/** The admin's password (MLflow wants at least 12 characters). */
	public static final String ADMIN_PASSWORD = "admin-password-of-the-tests";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Path configDir;

	private final MlflowServer server;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private BasicAuthMlflowServer(Path configDir, MlflowServer server) {
		this.configDir = configDir;
		this.server = server;
	}

	/**
	 * Starts a basic-auth server with a fresh tracking and user database on a free port.
	 * @param extraArguments more arguments for {@code mlflow server}
	 * @return the running server
	 */
	public static BasicAuthMlflowServer startNew(String... extraArguments) {
		try {
			Path configDir = Files.createTempDirectory("mlflow-auth-test-");
			Path config = configDir.resolve("basic_auth.ini");
			Files.writeString(config, """
					[mlflow]
					default_permission = NO_PERMISSIONS
					database_uri = sqlite:///%s
					admin_username = %s
					admin_password = %s
					auth_cache_ttl_seconds = 600
					""".formatted(configDir.resolve("basic_auth.db"), ADMIN_USERNAME, ADMIN_PASSWORD));
			String[] arguments = Stream.concat(Stream.of("--app-name", "basic-auth"), Stream.of(extraArguments))
				.toArray(String[]::new);
			MlflowServer server = MlflowServer.startNew(Map.of("MLFLOW_AUTH_CONFIG_PATH", config.toString(),
					"MLFLOW_FLASK_SERVER_SECRET_KEY", "secret-key-of-the-tests"), arguments);
			return new BasicAuthMlflowServer(configDir, server);
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
		return this.server.uri();
	}

	/**
	 * The server process underneath.
	 * @return the server
	 */
	public MlflowServer server() {
		return this.server;
	}

	/**
	 * Creates a user who is not an admin, through the auth REST API as the admin.
	 * @param username the user name
	 * @param password the password, at least 12 characters
	 */
	public void createUser(String username, String password) {
		String body = "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}";
		HttpRequest request = HttpRequest.newBuilder(uri().resolve("/api/2.0/mlflow/users/create"))
			.timeout(TIMEOUT)
			.header("Authorization", basic(ADMIN_USERNAME, ADMIN_PASSWORD))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Could not create user " + username + ": HTTP "
						+ response.statusCode() + " " + response.body());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The value of an {@code Authorization} header for HTTP basic authentication.
	 * @param username the user name
	 * @param password the password
	 * @return {@code Basic <base64>}
	 */
	public static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.server.close();
		try (Stream<Path> files = Files.walk(this.configDir)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: a temp directory left behind is harmless
		}
	}

}
