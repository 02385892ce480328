package io.github.mlflowstarter.autoconfigure;

import java.net.URI;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.util.StringUtils;

/**
 * The {@link SslBundle} of the connection to the tracking server, from
 * {@code mlflow.tracking.ssl.*}: the named bundle, a bundle that accepts any certificate in
 * insecure mode, or none (the connector's defaults apply).
 */
final class TrackingSslBundle {

	static final String BUNDLE_PROPERTY = MlflowTrackingProperties.PREFIX + ".ssl.bundle";

	static final String INSECURE_PROPERTY = MlflowTrackingProperties.PREFIX + ".ssl.insecure-skip-verify";

	private static final Log logger = LogFactory.getLog(TrackingSslBundle.class);

	private TrackingSslBundle() {
	}

	/**
	 * Resolves the bundle; logs a warning in insecure mode.
	 * @param ssl the properties
	 * @param bundles the application's SSL bundles, or {@code null} when there are none
	 * @param trackingUri the tracking server, for messages
	 * @param connectorBuilder the connector builder that will use the bundle
	 * @return the bundle, or {@code null} for the connector's defaults
	 * @throws MutuallyExclusiveConfigurationPropertiesException when a bundle is named in
	 * insecure mode
	 * @throws InvalidConfigurationPropertyValueException when the bundle does not exist, or
	 * insecure mode is asked of a connector that would still check the host name
	 */
	static @Nullable SslBundle resolve(MlflowTrackingProperties.Ssl ssl, @Nullable SslBundles bundles,
			URI trackingUri, ClientHttpConnectorBuilder<?> connectorBuilder) {
		String bundleName = StringUtils.hasText(ssl.getBundle()) ? ssl.getBundle().strip() : null;
		MutuallyExclusiveConfigurationPropertiesException.throwIfMultipleNonNullValuesIn((entries) -> {
			entries.put(BUNDLE_PROPERTY, bundleName);
			entries.put(INSECURE_PROPERTY, ssl.isInsecureSkipVerify() ? Boolean.TRUE : null);
		});
		if (ssl.isInsecureSkipVerify()) {
			return acceptAnyCertificate(trackingUri, connectorBuilder);
		}
		if (bundleName != null) {
			return named(bundleName, bundles);
		}
		return null;
	}

	private static SslBundle named(String name, @Nullable SslBundles bundles) {
		if (bundles == null) {
			throw new InvalidConfigurationPropertyValueException(BUNDLE_PROPERTY, name,
					"No SSL bundles are configured. Define the bundle under spring.ssl.bundle.pem." + name
							+ " or spring.ssl.bundle.jks." + name + ".");
		}
		try {
			return bundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			List<String> known = bundles.getBundleNames();
			String knownBundles = known.isEmpty() ? "none is defined"
					: "the defined bundles are " + String.join(", ", known);
			throw new InvalidConfigurationPropertyValueException(BUNDLE_PROPERTY, name,
					"There is no SSL bundle named '" + name + "' (" + knownBundles
							+ "). Name one of them, or define it under spring.ssl.bundle.pem." + name
							+ " or spring.ssl.bundle.jks." + name + ".");
		}
	}

	private static SslBundle acceptAnyCertificate(URI trackingUri, ClientHttpConnectorBuilder<?> connectorBuilder) {
		if (connectorBuilder instanceof HttpComponentsClientHttpConnectorBuilder) {
			throw new InvalidConfigurationPropertyValueException(INSECURE_PROPERTY, true,
					"Insecure mode works with the Reactor Netty, Jetty and JDK HTTP connectors, but the Apache"
							+ " HttpComponents connector is in use and would still check the host name. Trust the"
							+ " server's certificate with " + BUNDLE_PROPERTY + " instead, or choose another"
							+ " connector with spring.http.clients.reactive.connector.");
		}
		logger.warn(INSECURE_PROPERTY + "=true: the TLS certificate of the MLflow tracking server "
				+ trackingUri.getHost() + " is NOT verified, neither who signed it nor the host name it was issued"
				+ " for. Anyone who can intercept the connection can impersonate the server and read or change"
				+ " what the application sends, credentials included. Use this only against a development"
				+ " server; otherwise trust the server's certificate authority with " + BUNDLE_PROPERTY + ".");
		SslManagerBundle managers = SslManagerBundle.from(new AcceptAnyCertificateTrustManagerFactory());
		return SslBundle.of(SslStoreBundle.NONE, SslBundleKey.NONE, SslOptions.NONE, SslBundle.DEFAULT_PROTOCOL,
				managers);
	}

}
