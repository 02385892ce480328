package io.github.mlflowstarter.client;

/**
 * A log call found the run's logging buffer full while {@link BufferOverflow#FAIL} was chosen.
 */
public class MlflowBufferFullException extends MlflowException {

	private static final long serialVersionUID = 1L;

	MlflowBufferFullException(int capacity) {
		super("The MLflow logging buffer is full (" + capacity + " entries waiting for the server); the entry was"
				+ " not logged. Raise mlflow.tracking.logging.buffer-capacity, log less often, or use"
				+ " mlflow.tracking.logging.overflow=block to wait for room instead");
	}

}
