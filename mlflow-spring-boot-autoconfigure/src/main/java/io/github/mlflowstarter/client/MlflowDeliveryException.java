package io.github.mlflowstarter.client;

/**
 * Logged entries that did not reach the server: the server rejected them, or they could not be
 * delivered within the retry budget or before shutdown. Every other entry logged with them was
 * stored.
 */
public class MlflowDeliveryException extends MlflowException {

	private static final long serialVersionUID = 1L;

	private final long failedEntries;

	/**
	 * Creates an exception.
	 * @param message what was not delivered and why
	 * @param failedEntries how many entries were not stored
	 * @param cause the first error, or {@code null}
	 */
	public MlflowDeliveryException(String message, long failedEntries, Throwable cause) {
		super(message, cause);
		this.failedEntries = failedEntries;
	}

	/**
	 * How many entries were not stored.
	 * @return the count
	 */
	public long getFailedEntries() {
		return this.failedEntries;
	}

}
