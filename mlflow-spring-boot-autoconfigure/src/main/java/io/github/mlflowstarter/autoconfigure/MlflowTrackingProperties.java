package io.github.mlflowstarter.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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
	 * Full URI of the tracking server, for example https://mlflow.example.com/mlflow. Takes
	 * precedence over host and port.
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
	 * Name of the experiment the application's run is logged to; created when missing.
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
	 * Whether startup fails when the tracking server cannot be reached. When false, the
	 * application starts anyway and the run is created on first use.
	 */
	private boolean failFast = true;

	/**
	 * Longest time startup waits for the experiment and the run to be ready.
	 */
	private Duration startupTimeout = Duration.ofSeconds(20);

	/**
	 * Longest time shutdown waits for the run to be ended on the server.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	private final Run run = new Run();

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
