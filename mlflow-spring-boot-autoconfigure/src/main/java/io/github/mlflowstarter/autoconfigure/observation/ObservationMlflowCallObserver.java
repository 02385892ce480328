package io.github.mlflowstarter.autoconfigure.observation;

import io.github.mlflowstarter.client.MlflowApiException;
import io.github.mlflowstarter.client.MlflowCallObserver;
import io.github.mlflowstarter.client.MlflowUnreachableException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Records a Micrometer {@link Observation} named {@value #NAME} for every call to the MLflow
 * server, retries included. Its low-cardinality keys are {@code mlflow.operation} (such as
 * {@code runs.log-batch}), {@code outcome} ({@code SUCCESS}, {@code ERROR} or
 * {@code CANCELLED}) and {@code mlflow.error_code} (MLflow's error code, {@code UNREACHABLE}, or
 * {@code none}). HTTP observations of the same call become its children.
 */
public class ObservationMlflowCallObserver implements MlflowCallObserver {

	/** Name of the observation. */
	public static final String NAME = "mlflow.client.operation";

	private final ObservationRegistry registry;

	/**
	 * Creates the observer.
	 * @param registry the registry to record to
	 */
	public ObservationMlflowCallObserver(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public <T> Mono<T> observe(String operation, Mono<T> call) {
		if (this.registry.isNoop()) {
			return call;
		}
		return Mono.deferContextual((context) -> {
			Observation observation = Observation.createNotStarted(NAME, this.registry)
				.contextualName("mlflow " + operation)
				.lowCardinalityKeyValue("mlflow.operation", operation)
				.parentObservation(context.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
				.start();
			return call.doOnError((error) -> {
				observation.lowCardinalityKeyValue("outcome", "ERROR");
				observation.lowCardinalityKeyValue("mlflow.error_code", errorCode(error));
				observation.error(error);
			}).doFinally((signal) -> {
				if (signal == SignalType.CANCEL) {
					observation.lowCardinalityKeyValue("outcome", "CANCELLED");
					observation.lowCardinalityKeyValue("mlflow.error_code", "none");
				}
				else if (signal != SignalType.ON_ERROR) {
					observation.lowCardinalityKeyValue("outcome", "SUCCESS");
					observation.lowCardinalityKeyValue("mlflow.error_code", "none");
				}
				observation.stop();
			}).contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private static String errorCode(Throwable error) {
		if (error instanceof MlflowApiException api) {
			return api.getErrorCode();
		}
		if (error instanceof MlflowUnreachableException) {
			return "UNREACHABLE";
		}
		return "CLIENT_ERROR";
	}

}
