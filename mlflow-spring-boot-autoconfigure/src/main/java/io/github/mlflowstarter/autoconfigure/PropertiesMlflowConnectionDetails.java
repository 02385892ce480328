package io.github.mlflowstarter.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * {@link MlflowConnectionDetails} read from {@link MlflowTrackingProperties}: the {@code uri}
 * when set, else {@code http://host:port}. User name and password written into the URI
 * ({@code https://user:password@host}, as MLflow's Python client accepts) are used as basic
 * credentials unless {@code username} is set, and are never part of the tracking URI, so they
 * appear in no message or log line.
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
		if (this.properties.getUsername() != null) {
			return this.properties.getUsername();
		}
		String userInfo = userInfo();
		if (userInfo == null) {
			return null;
		}
		int colon = userInfo.indexOf(':');
		return (colon >= 0) ? userInfo.substring(0, colon) : userInfo;
	}

	@Override
	public @Nullable String getPassword() {
		if (this.properties.getUsername() != null) {
			return this.properties.getPassword();
		}
		String userInfo = userInfo();
		if (userInfo == null) {
			return this.properties.getPassword();
		}
		int colon = userInfo.indexOf(':');
		return (colon >= 0) ? userInfo.substring(colon + 1) : this.properties.getPassword();
	}

	@Override
	public @Nullable String getToken() {
		return this.properties.getToken();
	}

	/**
	 * The user info of the URI, percent-decoded. Spring's {@code URIEditor} encodes the
	 * property value once more, so {@code %40} arrives as {@code %2540}; decoding what
	 * {@link URI#getUserInfo()} returns gives back the {@code @} the user meant.
	 */
	private @Nullable String userInfo() {
		URI uri = this.properties.getUri();
		String userInfo = (uri != null) ? uri.getUserInfo() : null;
		if (userInfo == null || !userInfo.contains("%")) {
			return userInfo;
		}
		try {
			return URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return userInfo;
		}
	}

	/**
	 * Names the tracking URI and the user, and only whether a password or a token is set.
	 */
	@Override
	public String toString() {
		String uri;
		try {
			uri = getTrackingUri().toString();
		}
		catch (RuntimeException ex) {
			uri = "(invalid)";
		}
		return getClass().getSimpleName() + "[trackingUri=" + uri + ", username=" + getUsername() + ", password="
				+ presence(getPassword()) + ", token=" + presence(getToken()) + "]";
	}

	private static String presence(@Nullable String secret) {
		return (secret != null && !secret.isEmpty()) ? "(set)" : "(none)";
	}

	private static URI checkedUri(URI uri) {
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
				|| uri.getHost() == null) {
			throw new InvalidConfigurationPropertyValueException(MlflowTrackingProperties.PREFIX + ".uri",
					withoutUserInfo(uri),
					"The tracking URI must be an absolute http or https URI such as http://127.0.0.1:5000");
		}
		if (uri.getRawUserInfo() == null) {
			return uri;
		}
		try {
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
					uri.getFragment());
		}
		catch (URISyntaxException ex) {
			throw new InvalidConfigurationPropertyValueException(MlflowTrackingProperties.PREFIX + ".uri",
					withoutUserInfo(uri), "Not a valid tracking URI");
		}
	}

	private static String withoutUserInfo(URI uri) {
		String userInfo = uri.getRawUserInfo();
		return (userInfo != null) ? uri.toString().replace(userInfo + "@", "") : uri.toString();
	}

}
