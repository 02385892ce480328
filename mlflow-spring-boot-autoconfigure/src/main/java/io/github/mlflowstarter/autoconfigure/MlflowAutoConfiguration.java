package io.github.mlflowstarter.autoconfigure;

import io.github.mlflowstarter.client.LoggingOptions;
import io.github.mlflowstarter.client.MlflowCallObserver;
import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.MlflowTemplate;
import io.github.mlflowstarter.client.MlflowTokenProvider;
import io.github.mlflowstarter.client.RetryPolicy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the MLflow tracking client: an {@link MlflowOperations} bean over a
 * {@link WebClient} built from Boot's {@link WebClient.Builder}, and the lifecycle that opens the
 * application's run on startup and ends it on shutdown.
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class })
@ConditionalOnClass({ WebClient.class, MlflowTemplate.class })
@ConditionalOnBooleanProperty(name = MlflowTrackingProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(MlflowTrackingProperties.class)
public final class MlflowAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(MlflowConnectionDetails.class)
	PropertiesMlflowConnectionDetails mlflowConnectionDetails(MlflowTrackingProperties properties) {
		return new PropertiesMlflowConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean(MlflowOperations.class)
	MlflowTemplate mlflowTemplate(MlflowConnectionDetails connectionDetails, MlflowTrackingProperties properties,
			Environment environment, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<MlflowWebClientCustomizer> customizers, ObjectProvider<MlflowCallObserver> callObserver,
			ObjectProvider<MlflowTokenProvider> tokenProvider, ObjectProvider<MlflowReactorConnectionPool> connectionPool) {
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder);
		ClientHttpConnectorBuilder<?> connectors = connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect);
		MlflowReactorConnectionPool pool = connectionPool.getIfAvailable();
		if (pool != null) {
			connectors = pool.applyTo(connectors);
		}
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(properties.getConnectTimeout(), properties.getReadTimeout());
		SslBundle sslBundle = TrackingSslBundle.resolve(properties.getSsl(), sslBundles.getIfAvailable(),
				connectionDetails.getTrackingUri(), connectors);
		if (sslBundle != null) {
			settings = settings.withSslBundle(sslBundle);
		}
		HttpClientSettings globalSettings = httpClientSettings.getIfAvailable();
		if (globalSettings != null) {
			settings = settings.orElse(globalSettings);
		}
		builder.clientConnector(connectors.build(settings));
		MlflowClientAuthentication authentication = MlflowClientAuthentication.of(connectionDetails,
				tokenProvider.getIfAvailable());
		ExchangeFilterFunction authenticationFilter = authentication.filter();
		if (authenticationFilter != null) {
			builder.filter(authenticationFilter);
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		MlflowTrackingProperties.Retry retry = properties.getRetry();
		RetryPolicy retryPolicy = new RetryPolicy(retry.getInitialInterval(), retry.getMaxInterval(),
				retry.getMaxElapsed(), retry.getJitter());
		MlflowTrackingProperties.Logging logging = properties.getLogging();
		LoggingOptions loggingOptions = new LoggingOptions(logging.getBufferCapacity(), logging.getOverflow(),
				retryPolicy.withMaxElapsed(logging.getRetryMaxElapsed()));
		return MlflowTemplate.builder(connectionDetails.getTrackingUri())
			.webClientBuilder(builder)
			.activeRun(properties.getExperimentName(), ActiveRunSpecFactory.create(properties.getRun(), environment))
			.resumeRun(StringUtils.hasText(properties.getRun().getId()) ? properties.getRun().getId() : null)
			.retryPolicy(retryPolicy)
			.loggingOptions(loggingOptions)
			.callObserver(callObserver.getIfAvailable(() -> MlflowCallObserver.NONE))
			.credentials(authentication.description())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	MlflowRunLifecycle mlflowRunLifecycle(MlflowOperations operations, MlflowConnectionDetails connectionDetails,
			MlflowTrackingProperties properties) {
		return new MlflowRunLifecycle(operations, connectionDetails.getTrackingUri(), properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "reactor.netty.http.client.HttpClient")
	static class ReactorConnectionPoolConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MlflowReactorConnectionPool mlflowReactorConnectionPool(MlflowTrackingProperties properties) {
			return new MlflowReactorConnectionPool(properties.getMaxIdleTime());
		}

	}

}
