package io.github.mlflowstarter.client;

import reactor.core.publisher.Mono;

/**
 * Watches every call the client makes to the server, retries included, for example to record
 * a Micrometer observation. The client itself depends on no metrics library; the starter plugs
 * in a Micrometer implementation when Micrometer is present.
 */
@FunctionalInterface
public interface MlflowCallObserver {

	/** Watches nothing. */
	MlflowCallObserver NONE = new MlflowCallObserver() {

		@Override
		public <T> Mono<T> observe(String operation, Mono<T> call) {
			return call;
		}

	};

	/**
	 * Decorates one call.
	 * @param operation a low-cardinality name of the call, such as {@code runs.log-batch}
	 * @param call the call
	 * @param <T> the result type
	 * @return the decorated call
	 */
	<T> Mono<T> observe(String operation, Mono<T> call);

}
