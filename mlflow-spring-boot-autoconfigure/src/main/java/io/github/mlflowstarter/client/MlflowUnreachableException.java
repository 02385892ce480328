package io.github.mlflowstarter.client;

import java.net.URI;

/**
 * No answer came from the MLflow tracking server: the connection was refused, timed out, or was
 * dropped. The message names the URL that was tried.
 */
public class MlflowUnreachableException extends MlflowException {

	private static final long serialVersionUID = 1L;

	private final URI trackingUri;

	/**
	 * Creates an exception.
	 * @param trackingUri the tracking server URI the client was configured with
	 * @param operation the request that failed, as {@code METHOD path}
	 * @param cause the I/O error
	 */
	public MlflowUnreachableException(URI trackingUri, String operation, Throwable cause) {
		super("Could not reach the MLflow tracking server at " + trackingUri + " (" + operation + "): "
				+ rootMessage(cause), cause);
		this.trackingUri = trackingUri;
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null) ? message : root.getClass().getSimpleName();
	}

	/**
	 * The tracking server URI that was tried.
	 * @return the tracking URI
	 */
	public URI getTrackingUri() {
		return this.trackingUri;
	}

}
