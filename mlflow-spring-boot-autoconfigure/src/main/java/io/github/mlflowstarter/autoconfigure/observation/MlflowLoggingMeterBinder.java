package io.github.mlflowstarter.autoconfigure.observation;

import java.util.function.ToLongFunction;

import io.github.mlflowstarter.client.LoggingStatistics;
import io.github.mlflowstarter.client.MlflowTemplate;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters of the logging pipeline: {@code mlflow.logging.pending} (gauge) and the counters
 * {@code mlflow.logging.delivered}, {@code mlflow.logging.batches},
 * {@code mlflow.logging.retries}, {@code mlflow.logging.rejected} and
 * {@code mlflow.logging.undelivered}.
 */
public class MlflowLoggingMeterBinder implements MeterBinder {

	private final MlflowTemplate template;

	/**
	 * Creates the binder.
	 * @param template the client whose pipelines are measured
	 */
	public MlflowLoggingMeterBinder(MlflowTemplate template) {
		this.template = template;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("mlflow.logging.pending", this.template, (t) -> t.getLoggingStatistics().pending())
			.description("Entries logged to MLflow runs and not yet stored or given up")
			.baseUnit("entries")
			.register(registry);
		counter(registry, "mlflow.logging.delivered", "Entries the MLflow server stored", LoggingStatistics::delivered);
		counter(registry, "mlflow.logging.batches", "log-batch requests that succeeded", LoggingStatistics::batches);
		counter(registry, "mlflow.logging.retries", "Requests sent again after a transient failure",
				LoggingStatistics::retries);
		counter(registry, "mlflow.logging.rejected", "Entries the MLflow server rejected", LoggingStatistics::rejected);
		counter(registry, "mlflow.logging.undelivered",
				"Entries given up on: retry budget spent or still pending at shutdown", LoggingStatistics::undelivered);
	}

	private void counter(MeterRegistry registry, String name, String description,
			ToLongFunction<LoggingStatistics> value) {
		FunctionCounter.builder(name, this.template, (t) -> value.applyAsLong(t.getLoggingStatistics()))
			.description(description)
			.register(registry);
	}

}
