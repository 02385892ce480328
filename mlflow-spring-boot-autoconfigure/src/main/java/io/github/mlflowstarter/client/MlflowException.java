package io.github.mlflowstarter.client;

/**
 * Base class of the errors raised by the MLflow client.
 */
public class MlflowException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong, and how to fix it where that is known
	 * @param cause the underlying cause, or {@code null}
	 */
	public MlflowException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Creates an exception.
	 * @param message what went wrong, and how to fix it where that is known
	 */
	public MlflowException(String message) {
		super(message);
	}

}
