package io.github.mlflowstarter.client;

import org.jspecify.annotations.Nullable;

/**
 * The MLflow server cannot store or serve the artifacts of a run for this client: the run's
 * artifact URI is not one the server's artifact proxy serves ({@code mlflow-artifacts:}), or the
 * server runs with {@code --no-serve-artifacts}. The client reaches artifacts only through the
 * proxy, so it needs a server that serves artifacts (the default {@code --serve-artifacts},
 * default artifact root {@code mlflow-artifacts:/}).
 */
public class MlflowArtifactsUnavailableException extends MlflowException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String artifactUri;

	/**
	 * Creates an exception.
	 * @param message what went wrong and how to fix it
	 * @param artifactUri the run's artifact URI, or {@code null} when not known
	 * @param cause the server's answer, or {@code null}
	 */
	public MlflowArtifactsUnavailableException(String message, @Nullable String artifactUri,
			@Nullable Throwable cause) {
		super(message);
		if (cause != null) {
			initCause(cause);
		}
		this.artifactUri = artifactUri;
	}

	/**
	 * The artifact URI of the run, such as {@code s3://bucket/1/abc/artifacts}.
	 * @return the artifact URI, or {@code null} when not known
	 */
	public @Nullable String getArtifactUri() {
		return this.artifactUri;
	}

}
