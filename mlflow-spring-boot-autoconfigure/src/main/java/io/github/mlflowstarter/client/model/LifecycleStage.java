package io.github.mlflowstarter.client.model;

/**
 * Lifecycle stages of experiments and runs, as strings the server uses.
 */
public final class LifecycleStage {

	/** The entity is active. */
	public static final String ACTIVE = "active";

	/** The entity was soft-deleted and can be restored. */
	public static final String DELETED = "deleted";

	private LifecycleStage() {
	}

}
