package io.github.mlflowstarter.client;

/**
 * Reactive operations on MLflow 3 logged models. Reached through
 * {@link MlflowOperations#loggedModels()}.
 */
public interface MlflowLoggedModels {

}
