package io.github.mlflowstarter.client.model;

/**
 * Registration status of a model version, as the server names it.
 */
public enum ModelVersionStatus {

	/** The server is still registering the version (copying or checking its files). */
	PENDING_REGISTRATION,

	/** Registration failed; the version's status message says why. */
	FAILED_REGISTRATION,

	/** The version is registered and can be used. */
	READY

}
