package io.github.mlflowstarter.client;

/**
 * What a log call does when the run's logging buffer is full because the server does not keep
 * up or is away.
 */
public enum BufferOverflow {

	/**
	 * Wait until the buffer has room (back-pressure on the logging thread). Nothing is lost.
	 */
	BLOCK,

	/**
	 * Throw {@link MlflowBufferFullException} at once; the caller decides what to do with the
	 * entry. Nothing already buffered is lost.
	 */
	FAIL

}
