package io.github.mlflowstarter.client.model;

/**
 * Which lifecycle stages a search returns.
 */
public enum ViewType {

	/** Only active entities (the server's default). */
	ACTIVE_ONLY,

	/** Only soft-deleted entities. */
	DELETED_ONLY,

	/** Active and deleted entities. */
	ALL

}
