package io.github.mlflowstarter.testcontainers;

import java.time.Duration;

import io.github.mlflowstarter.autoconfigure.MlflowAutoConfiguration;
import io.github.mlflowstarter.autoconfigure.MlflowConnectionDetails;
import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunSpec;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the MLflow {@code @ServiceConnection} against a real MLflow server in a
 * container. Skipped when Docker is not available.
 */
@SpringJUnitConfig
@Testcontainers(disabledWithoutDocker = true)
@TestPropertySource(properties = "mlflow.tracking.experiment-name=service-connection")
class MlflowContainerServiceConnectionTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Container
	@ServiceConnection
	static final MlflowContainer mlflow = new MlflowContainer(MlflowContainer.DEFAULT_IMAGE);

	@Autowired
	private MlflowConnectionDetails connectionDetails;

	@Autowired
	private MlflowOperations operations;

	@Test
	void connectionDetailsPointAtTheContainer() {
		assertThat(this.connectionDetails.getTrackingUri()).isEqualTo(mlflow.getTrackingUri());
	}

	@Test
	void operationsTalkToTheContainer() {
		assertThat(this.operations.getServerVersion().block(TIMEOUT)).isEqualTo(MlflowContainer.DEFAULT_VERSION);
		String experimentId = this.operations.getOrCreateExperiment("service-connection-tests").block(TIMEOUT);
		assertThat(experimentId).isNotBlank();
		Run run = this.operations.createRun(experimentId, RunSpec.named("service-connection")).block(TIMEOUT);
		assertThat(run).isNotNull();
		this.operations.logParam(run.runId(), "learning_rate", "0.01").block(TIMEOUT);
		Run fetched = this.operations.getRun(run.runId()).block(TIMEOUT);
		assertThat(fetched).isNotNull();
		assertThat(fetched.data().paramMap()).containsEntry("learning_rate", "0.01");
	}

	@Test
	void activeRunWasOpenedOnStartup() {
		assertThat(this.operations.activeRun().getRunId()).isNotNull();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MlflowAutoConfiguration.class, WebClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class })
	static class TestConfiguration {

	}

}
