package io.github.mlflowstarter.client;

/**
 * Reactive operations on MLflow's model registry: registered models, model versions, their tags
 * and aliases. Reached through {@link MlflowOperations#modelRegistry()}.
 */
public interface MlflowModelRegistry {

}
