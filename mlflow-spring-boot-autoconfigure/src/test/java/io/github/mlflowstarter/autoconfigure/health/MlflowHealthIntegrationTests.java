package io.github.mlflowstarter.autoconfigure.health;

import java.util.Map;

import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.MlflowVirtualenv;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Actuator health endpoint of a running application with the starter, against a real
 * server that is up and then stopped.
 */
class MlflowHealthIntegrationTests {

	@Test
	void healthEndpointShowsMlflowUpWithItsVersionThenDownWithAReason() {
		try (MlflowServer server = MlflowServer.startNew();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
					.web(WebApplicationType.NONE)
					.run("--mlflow.tracking.port=" + server.port(), "--mlflow.tracking.experiment-name=health",
							"--management.endpoint.health.show-details=always")) {
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			IndicatedHealthDescriptor up = (IndicatedHealthDescriptor) endpoint.healthForPath("mlflow");
			assertThat(up.getStatus()).isEqualTo(Status.UP);
			Map<String, Object> details = up.getDetails();
			assertThat(details).containsEntry("version", MlflowVirtualenv.version())
				.containsEntry("trackingUrl", server.uri().toString())
				.containsKey("activeRunId");
			assertThat(details.get("activeRunId")).isNotEqualTo("none");

			server.stop();
			IndicatedHealthDescriptor down = (IndicatedHealthDescriptor) endpoint.healthForPath("mlflow");
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(String.valueOf(down.getDetails().get("error"))).contains(server.uri().toString())
				.contains("Could not reach");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
