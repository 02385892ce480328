package io.github.mlflowstarter.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.mlflowstarter.client.MlflowRun;
import io.github.mlflowstarter.client.MlflowTemplate;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Observations and meters of the client against a real server.
 */
@ExtendWith(SharedMlflowServer.class)
class MlflowObservationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void everyCallIsObservedWithOperationOutcomeAndErrorCode(MlflowServer server) {
		List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

		});
		MlflowTemplate mlflow = MlflowTemplate.builder(server.uri())
			.callObserver(new ObservationMlflowCallObserver(registry))
			.build();
		mlflow.getOrCreateExperiment("observed-" + UUID.randomUUID()).block(TIMEOUT);
		mlflow.getExperiment("987654321").onErrorComplete().block(TIMEOUT);
		assertThat(stopped).allSatisfy((context) -> {
			assertThat(context.getName()).isEqualTo(ObservationMlflowCallObserver.NAME);
			assertThat(context.getLowCardinalityKeyValues().stream().map((keyValue) -> keyValue.getKey()))
				.containsExactlyInAnyOrder("mlflow.operation", "outcome", "mlflow.error_code");
		});
		assertThat(stopped).extracting((context) -> keys(context))
			.contains("experiments.get-by-name/ERROR/RESOURCE_DOES_NOT_EXIST", "experiments.create/SUCCESS/none",
					"experiments.get/SUCCESS/none", "experiments.get/ERROR/RESOURCE_DOES_NOT_EXIST");
	}

	private static String keys(Observation.Context context) {
		return context.getLowCardinalityKeyValue("mlflow.operation").getValue() + "/"
				+ context.getLowCardinalityKeyValue("outcome").getValue() + "/"
				+ context.getLowCardinalityKeyValue("mlflow.error_code").getValue();
	}

	@Test
	void loggingMetersCountWhatWasDelivered(MlflowServer server) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		MlflowTemplate mlflow = MlflowTemplate.builder(server.uri())
			.activeRun("metered-" + UUID.randomUUID(), RunSpec.unnamed())
			.build();
		new MlflowLoggingMeterBinder(mlflow).bindTo(meters);
		MlflowRun run = mlflow.activeRun();
		for (int step = 0; step < 250; step++) {
			run.logMetric("m", step, step);
		}
		run.flush().block(TIMEOUT);
		assertThat(meters.get("mlflow.logging.delivered").functionCounter().count()).isEqualTo(250);
		assertThat(meters.get("mlflow.logging.batches").functionCounter().count()).isPositive();
		assertThat(meters.get("mlflow.logging.pending").gauge().value()).isZero();
		assertThat(meters.get("mlflow.logging.rejected").functionCounter().count()).isZero();
		assertThat(meters.get("mlflow.logging.undelivered").functionCounter().count()).isZero();
		assertThat(meters.get("mlflow.logging.retries").functionCounter().count()).isZero();
	}

}
