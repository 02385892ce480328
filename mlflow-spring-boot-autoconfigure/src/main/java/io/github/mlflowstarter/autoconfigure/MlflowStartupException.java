package io.github.mlflowstarter.autoconfigure;

import java.net.URI;

import io.github.mlflowstarter.client.MlflowException;

/**
 * The application could not open its MLflow run when it started.
 */
public class MlflowStartupException extends MlflowException {

	private static final long serialVersionUID = 1L;

	private final URI trackingUri;

	private final String experimentName;

	MlflowStartupException(URI trackingUri, String experimentName, Throwable cause) {
		super(describe(trackingUri, experimentName, cause), cause);
		this.trackingUri = trackingUri;
		this.experimentName = experimentName;
	}

	private static String describe(URI trackingUri, String experimentName, Throwable cause) {
		String reason = String.valueOf(cause.getMessage());
		String where = reason.contains(trackingUri.toString()) ? "" : " on the tracking server at " + trackingUri;
		return "Could not open an MLflow run in experiment '" + experimentName + "'" + where + ": " + reason;
	}

	/**
	 * The tracking server that was tried.
	 * @return the tracking URI
	 */
	public URI getTrackingUri() {
		return this.trackingUri;
	}

	/**
	 * The experiment the run was to be opened in.
	 * @return the experiment name
	 */
	public String getExperimentName() {
		return this.experimentName;
	}

}
