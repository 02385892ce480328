package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed requests are tried again: exponential backoff from {@code initialInterval}, doubled
 * each attempt up to {@code maxInterval}, with up to {@code jitter} of random spread either way,
 * and never longer than the server's {@code Retry-After} asks (nor shorter). Attempts stop when
 * the next one would start after {@code maxElapsed} from the first; the last error then reaches
 * the caller unchanged.
 * <p>
 * Only failures that may pass are tried again: no answer at all (refused, reset, timed out) and
 * HTTP 408, 429 and 5xx. Requests the server rejected (other 4xx) are never repeated.
 *
 * @param initialInterval the first delay
 * @param maxInterval the longest delay between two attempts
 * @param maxElapsed the total time budget of one call, retries included
 * @param jitter random spread of each delay, from 0 (none) to 1 (up to &plusmn;100%)
 */
public record RetryPolicy(Duration initialInterval, Duration maxInterval, Duration maxElapsed, double jitter) {

	public RetryPolicy {
		Objects.requireNonNull(initialInterval, "initialInterval must not be null");
		Objects.requireNonNull(maxInterval, "maxInterval must not be null");
		Objects.requireNonNull(maxElapsed, "maxElapsed must not be null");
		if (initialInterval.isNegative() || maxInterval.compareTo(initialInterval) < 0 || maxElapsed.isNegative()) {
			throw new IllegalArgumentException("Retry intervals must satisfy 0 <= initialInterval <= maxInterval"
					+ " and maxElapsed >= 0, but were " + initialInterval + ", " + maxInterval + ", " + maxElapsed);
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("Jitter must be between 0 and 1 but was " + jitter);
		}
	}

	/**
	 * Half a second doubling to 30 seconds, 50% jitter, for up to 5 minutes.
	 * @return the default policy
	 */
	public static RetryPolicy defaults() {
		return new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5), 0.5);
	}

	/**
	 * No retries at all.
	 * @return a policy that never tries again
	 */
	public static RetryPolicy none() {
		return new RetryPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
	}

	/**
	 * This policy with another total budget.
	 * @param budget the total time budget of one call
	 * @return a new policy
	 */
	public RetryPolicy withMaxElapsed(Duration budget) {
		return new RetryPolicy(this.initialInterval, this.maxInterval, budget, this.jitter);
	}

	/**
	 * The delay before attempt {@code retry + 1}, before jitter and {@code Retry-After}.
	 * @param retry how many retries happened already (0 for the first retry)
	 * @return the backoff delay
	 */
	Duration backoff(long retry) {
		long initial = this.initialInterval.toMillis();
		long max = this.maxInterval.toMillis();
		long delay = (retry >= 62) ? max : Math.min(max, initial * (1L << Math.min(retry, 30)));
		return Duration.ofMillis(Math.max(0, delay));
	}

}
