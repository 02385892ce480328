package io.github.mlflowstarter.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mlflowstarter.client.BufferOverflow;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the MLflow tracking client.
 */
@ConfigurationProperties(MlflowTrackingProperties.PREFIX)
public class MlflowTrackingProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "mlflow.tracking";

	/**
	 * Whether to configure the MLflow client and open a run when the application starts.
	 */
	private boolean enabled = true;

	/**
	 * Full URI of the tracking server, for example https://mlflow.example.com/mlflow
	 * (MLFLOW_TRACKING_URI). Takes precedence over host and port.
	 */
	private @Nullable URI uri;

	/**
	 * Host name or IP address of the tracking server.
	 */
	private String host = "127.0.0.1";

	/**
	 * Port of the tracking server.
	 */
	private int port = 5000;

	/**
	 * User name for HTTP basic authentication (MLFLOW_TRACKING_USERNAME).
	 */
	private @Nullable String username;

	/**
	 * Password for HTTP basic authentication (MLFLOW_TRACKING_PASSWORD).
	 */
	private @Nullable String password;

	/**
	 * Bearer token (MLFLOW_TRACKING_TOKEN); wins over user name and password.
	 */
	private @Nullable String token;

	/**
	 * Name of the experiment the application's run is logged to; created when missing
	 * (MLFLOW_EXPERIMENT_NAME).
	 */
	private String experimentName = "Default";

	/**
	 * Time allowed to open a connection to the tracking server.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Time allowed for the tracking server to answer a request.
	 */
	private Duration readTimeout = Duration.ofSeconds(30);

	/**
	 * Time after which an idle pooled connection is closed; keep it below the server's
	 * keep-alive timeout (2s for gunicorn, which MLflow 2.x servers run; 5s for uvicorn in
	 * MLflow 3.x). Reactor Netty connector only.
	 */
	private Duration maxIdleTime = Duration.ofMillis(1500);

	/**
	 * Whether startup fails when the tracking server cannot be reached. When false, the
	 * application starts anyway and the run is created on first use.
	 */
	private boolean failFast = true;

	/**
	 * Longest time startup waits for the experiment and the run to be ready, retries included.
	 */
	private Duration startupTimeout = Duration.ofSeconds(15);

	/**
	 * Longest time shutdown waits for logged entries to be delivered before the run is ended;
	 * what is still pending then is reported as undelivered.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	private final Run run = new Run();

	private final Retry retry = new Retry();

	private final Logging logging = new Logging();

	private final Ssl ssl = new Ssl();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable URI getUri() {
		return this.uri;
	}

	public void setUri(@Nullable URI uri) {
		this.uri = uri;
	}

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public String getExperimentName() {
		return this.experimentName;
	}

	public void setExperimentName(String experimentName) {
		this.experimentName = experimentName;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Duration getMaxIdleTime() {
		return this.maxIdleTime;
	}

	public void setMaxIdleTime(Duration maxIdleTime) {
		this.maxIdleTime = maxIdleTime;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public Duration getStartupTimeout() {
		return this.startupTimeout;
	}

	public void setStartupTimeout(Duration startupTimeout) {
		this.startupTimeout = startupTimeout;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public Run getRun() {
		return this.run;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	/**
	 * Retries of requests that failed for a reason that may pass: no answer, HTTP 408, 429 or
	 * 5xx. Requests the server rejected are never repeated, and creating a run is only repeated
	 * when the first attempt never reached the server.
	 */
	public static class Retry {

		/**
		 * Delay before the first retry; it doubles with each retry.
		 */
		private Duration initialInterval = Duration.ofMillis(500);

		/**
		 * Longest delay between two attempts. A longer Retry-After from the server wins.
		 */
		private Duration maxInterval = Duration.ofSeconds(15);

		/**
		 * Total time budget of one request, retries included.
		 */
		private Duration maxElapsed = Duration.ofMinutes(2);

		/**
		 * Random spread of each delay, from 0 (none) to 1 (up to plus or minus 100%).
		 */
		private double jitter = 0.5;

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public Duration getMaxElapsed() {
			return this.maxElapsed;
		}

		public void setMaxElapsed(Duration maxElapsed) {
			this.maxElapsed = maxElapsed;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

	}

	/**
	 * The pipeline that delivers params, metrics and tags logged to a run.
	 */
	public static class Logging {

		/**
		 * Entries (metric points, params, tags) one run may hold while they wait for the
		 * server. Bounds the memory used when the server is slow or away.
		 */
		private int bufferCapacity = 100_000;

		/**
		 * What a log call does when the buffer is full: wait for room (block) or throw (fail).
		 * Nothing is ever dropped silently.
		 */
		private BufferOverflow overflow = BufferOverflow.BLOCK;

		/**
		 * How long one batch is retried while the server is away or overloaded before its
		 * entries are reported as undelivered.
		 */
		private Duration retryMaxElapsed = Duration.ofMinutes(15);

		public int getBufferCapacity() {
			return this.bufferCapacity;
		}

		public void setBufferCapacity(int bufferCapacity) {
			this.bufferCapacity = bufferCapacity;
		}

		public BufferOverflow getOverflow() {
			return this.overflow;
		}

		public void setOverflow(BufferOverflow overflow) {
			this.overflow = overflow;
		}

		public Duration getRetryMaxElapsed() {
			return this.retryMaxElapsed;
		}

		public void setRetryMaxElapsed(Duration retryMaxElapsed) {
			this.retryMaxElapsed = retryMaxElapsed;
		}

	}

	/**
	 * TLS of the connection to an https tracking server. Without settings here, the JVM's
	 * default trust store (or spring.http.clients.ssl.bundle) verifies the server.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (defined under spring.ssl.bundle) for the connection to the
		 * tracking server: its trust store holds the certificate authorities to trust, its key
		 * store the client certificate for mutual TLS. Wins over spring.http.clients.ssl.bundle.
		 */
		private @Nullable String bundle;

		/**
		 * Whether to accept any certificate the tracking server presents, without checking who
		 * signed it or the host name it was issued for (MLFLOW_TRACKING_INSECURE_TLS). Anyone
		 * who can intercept the connection can then read and change what is sent, credentials
		 * included: for development servers with self-signed certificates only. Cannot be
		 * combined with a bundle.
		 */
		private boolean insecureSkipVerify;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		public boolean isInsecureSkipVerify() {
			return this.insecureSkipVerify;
		}

		public void setInsecureSkipVerify(boolean insecureSkipVerify) {
			this.insecureSkipVerify = insecureSkipVerify;
		}

	}

	/**
	 * Properties of the run the application logs to.
	 */
	public static class Run {

		/**
		 * Whether to open the run when the application starts and end it when the application
		 * stops. When false, the run is opened on first use and ended on shutdown if it was
		 * opened.
		 */
		private boolean startOnStartup = true;

		/**
		 * Id of an existing run to log to instead of opening a new one (MLFLOW_RUN_ID). It is
		 * ended on shutdown like a new run.
		 */
		private @Nullable String id;

		/**
		 * Name of the run. When not set, the server generates one.
		 */
		private @Nullable String name;

		/**
		 * Value of the mlflow.source.name tag. Defaults to spring.application.name, else to the
		 * command that started the JVM.
		 */
		private @Nullable String sourceName;

		/**
		 * Extra tags set when the run is created. They win over the system tags.
		 */
		private Map<String, String> tags = new LinkedHashMap<>();

		public boolean isStartOnStartup() {
			return this.startOnStartup;
		}

		public void setStartOnStartup(boolean startOnStartup) {
			this.startOnStartup = startOnStartup;
		}

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(@Nullable String id) {
			this.id = id;
		}

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getSourceName() {
			return this.sourceName;
		}

		public void setSourceName(@Nullable String sourceName) {
			this.sourceName = sourceName;
		}

		public Map<String, String> getTags() {
			return this.tags;
		}

		public void setTags(Map<String, String> tags) {
			this.tags = tags;
		}

	}

}
