package io.github.mlflowstarter.client;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.retry.Retry;

/**
 * Applies a {@link RetryPolicy} to a request.
 * <p>
 * A caller can shorten the budget of every request below it by putting a deadline (an
 * {@code Long} of {@link System#nanoTime()}) into the Reactor context under {@link #DEADLINE};
 * the starter does that while opening the run at startup.
 */
final class Retries {

	/** Reactor context key of a {@link System#nanoTime()} deadline for all retries below it. */
	static final String DEADLINE = Retries.class.getName() + ".deadline";

	private static final Log logger = LogFactory.getLog(Retries.class);

	private Retries() {
	}

	/**
	 * Whether an error may pass if the same request is sent again.
	 */
	static Function<Context, Context> deadlineAfter(Duration within) {
		return (context) -> context.put(DEADLINE, System.nanoTime() + within.toNanos());
	}

	static boolean isTransient(Throwable error) {
		if (error instanceof MlflowApiException api) {
			return api.isTransient();
		}
		return error instanceof MlflowUnreachableException;
	}

	/**
	 * Whether the request certainly never reached the server, so sending it again cannot apply it
	 * twice.
	 */
	static boolean wasNeverSent(Throwable error) {
		Throwable cause = error;
		while (cause != null) {
			if (cause instanceof ConnectException) {
				return true;
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return false;
	}

	static <T> Mono<T> withRetries(Mono<T> request, RetryPolicy policy, Predicate<Throwable> retryable,
			String operation, Runnable onRetry) {
		if (policy.maxElapsed().isZero()) {
			return request;
		}
		return Mono.deferContextual((context) -> {
			long start = System.nanoTime();
			long budgetEnd = start + policy.maxElapsed().toNanos();
			long deadline = context.<Long>getOrEmpty(DEADLINE)
				.map((contextDeadline) -> Math.min(contextDeadline, budgetEnd))
				.orElse(budgetEnd);
			return request.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
				Throwable failure = signal.failure();
				if (!retryable.test(failure)) {
					return Flux.error(failure);
				}
				Duration delay = delay(policy, signal.totalRetries(), failure);
				if (System.nanoTime() + delay.toNanos() > deadline) {
					return Flux.error(failure);
				}
				if (logger.isDebugEnabled()) {
					logger.debug(operation + " failed (" + failure.getMessage() + "); attempt "
							+ (signal.totalRetries() + 2) + " in " + delay.toMillis() + " ms");
				}
				onRetry.run();
				return Mono.delay(delay);
			})));
		});
	}

	static Duration delay(RetryPolicy policy, long retry, Throwable failure) {
		Duration backoff = policy.backoff(retry);
		long millis = backoff.toMillis();
		if (policy.jitter() > 0 && millis > 0) {
			double spread = policy.jitter() * millis;
			millis = Math.max(0, Math.round(millis + ThreadLocalRandom.current().nextDouble(-spread, spread)));
		}
		if (failure instanceof MlflowApiException api && api.getRetryAfter() != null) {
			millis = Math.max(millis, api.getRetryAfter().toMillis());
		}
		return Duration.ofMillis(millis);
	}

}
