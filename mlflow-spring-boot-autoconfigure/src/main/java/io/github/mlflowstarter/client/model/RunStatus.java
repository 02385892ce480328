package io.github.mlflowstarter.client.model;

/**
 * Status of an MLflow run, as the server names it.
 */
public enum RunStatus {

	/** The run is in progress. */
	RUNNING,

	/** The run is scheduled but has not started. */
	SCHEDULED,

	/** The run completed successfully. */
	FINISHED,

	/** The run failed. */
	FAILED,

	/** The run was killed before it completed. */
	KILLED;

	/**
	 * Whether a run in this status has ended.
	 * @return {@code true} for {@link #FINISHED}, {@link #FAILED} and {@link #KILLED}
	 */
	public boolean isTerminal() {
		return this == FINISHED || this == FAILED || this == KILLED;
	}

}
