package io.github.mlflowstarter.client;

/**
 * {@link MlflowModelRegistry} over the REST API of the model registry.
 */
final class MlflowModelRegistryTemplate implements MlflowModelRegistry {

	private final RestCalls rest;

	MlflowModelRegistryTemplate(RestCalls rest) {
		this.rest = rest;
	}

}
