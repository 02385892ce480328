package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the pipeline that delivers what is logged to a run.
 *
 * @param bufferCapacity entries (metric points, params, tags) a run may hold waiting for the
 * server; bounds memory
 * @param overflow what a log call does when the buffer is full
 * @param retry how one batch is tried again while the server is away or overloaded; when its
 * budget runs out the batch's entries are reported as undelivered
 */
public record LoggingOptions(int bufferCapacity, BufferOverflow overflow, RetryPolicy retry) {

	/** Default buffer capacity. */
	public static final int DEFAULT_BUFFER_CAPACITY = 100_000;

	public LoggingOptions {
		if (bufferCapacity < 1) {
			throw new IllegalArgumentException("Buffer capacity must be at least 1 but was " + bufferCapacity);
		}
		Objects.requireNonNull(overflow, "overflow must not be null");
		Objects.requireNonNull(retry, "retry must not be null");
	}

	/**
	 * 100,000 entries, blocking when full, retrying a batch for up to 15 minutes.
	 * @return the default options
	 */
	public static LoggingOptions defaults() {
		return new LoggingOptions(DEFAULT_BUFFER_CAPACITY, BufferOverflow.BLOCK,
				RetryPolicy.defaults().withMaxElapsed(Duration.ofMinutes(15)));
	}

}
