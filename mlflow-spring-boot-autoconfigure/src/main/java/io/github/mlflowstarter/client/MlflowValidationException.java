package io.github.mlflowstarter.client;

/**
 * A key or value cannot be logged to MLflow as given. Thrown where the log call is made, before
 * anything is sent, so that one bad entry never costs the good ones.
 */
public class MlflowValidationException extends MlflowException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what is wrong, and the limit
	 */
	public MlflowValidationException(String message) {
		super(message);
	}

}
