package io.github.mlflowstarter.autoconfigure;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PropertiesMlflowConnectionDetails}.
 */
class PropertiesMlflowConnectionDetailsTests {

	private final MlflowTrackingProperties properties = new MlflowTrackingProperties();

	private final PropertiesMlflowConnectionDetails details = new PropertiesMlflowConnectionDetails(this.properties);

	@Test
	void ipv6HostIsBracketed() {
		this.properties.setHost("::1");
		assertThat(this.details.getTrackingUri()).isEqualTo(URI.create("http://[::1]:5000"));
	}

	@Test
	void uriWithoutHttpSchemeIsRejectedWithAnExample() {
		this.properties.setUri(URI.create("file:///tmp/mlruns"));
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(this.details::getTrackingUri)
			.withMessageContaining("mlflow.tracking.uri")
			.withMessageContaining("http://127.0.0.1:5000");
	}

	@Test
	void portOutOfRangeIsRejected() {
		this.properties.setPort(70000);
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(this.details::getTrackingUri)
			.withMessageContaining("mlflow.tracking.port");
	}

}
