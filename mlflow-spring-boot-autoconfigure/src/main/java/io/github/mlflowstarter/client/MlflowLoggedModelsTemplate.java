package io.github.mlflowstarter.client;

/**
 * {@link MlflowLoggedModels} over the REST API of logged models.
 */
final class MlflowLoggedModelsTemplate implements MlflowLoggedModels {

	private final RestCalls rest;

	MlflowLoggedModelsTemplate(RestCalls rest) {
		this.rest = rest;
	}

}
