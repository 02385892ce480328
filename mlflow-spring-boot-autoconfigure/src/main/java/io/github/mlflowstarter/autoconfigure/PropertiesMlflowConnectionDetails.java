package io.github.mlflowstarter.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * {@link MlflowConnectionDetails} read from {@link MlflowTrackingProperties}: the {@code uri}
 * when set, else {@code http://host:port}.
 */
class PropertiesMlflowConnectionDetails implements MlflowConnectionDetails {

	private final MlflowTrackingProperties properties;

	PropertiesMlflowConnectionDetails(MlflowTrackingProperties properties) {
		this.properties = properties;
	}

	@Override
	public URI getTrackingUri() {
		URI uri = this.properties.getUri();
		if (uri != null) {
			return checkedUri(uri);
		}
		String host = this.properties.getHost();
		if (host.contains("://") || host.contains("/")) {
			throw new InvalidConfigurationPropertyValueException(MlflowTrackingProperties.PREFIX + ".host", host,
					"The host must be a bare host name or IP address. To give a scheme or a path, set "
							+ MlflowTrackingProperties.PREFIX + ".uri instead");
		}
		int port = this.properties.getPort();
		if (port < 1 || port > 65535) {
			throw new InvalidConfigurationPropertyValueException(MlflowTrackingProperties.PREFIX + ".port", port,
					"The port must be between 1 and 65535");
		}
		try {
			return new URI("http", null, host, port, null, null, null);
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationPropertyValueException(MlflowTrackingProperties.PREFIX + ".host", host,
					"Not a valid host name: " + ex.getMessage());
		}
	}

	@Override
	public @Nullable String getUsername() {
		return this.properties.getUsername();
	}

	@Override
	public @Nullable String getPassword() {
		return this.properties.getPassword();
	}

	@Override
	public @Nullable String getToken() {
		return this.properties.getToken();
	}

	private static URI checkedUri(URI uri) {
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
				|| uri.getHost() == null) {
			throw new InvalidConfigurationPropertyValueException(MlflowTrackingProperties.PREFIX + ".uri", uri,
					"The tracking URI must be an absolute http or https URI such as http://127.0.0.1:5000");
		}
		return uri;
	}

}
