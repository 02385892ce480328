package io.github.mlflowstarter.client;

/**
 * Keys of the system tags MLflow and its UI read.
 */
public final class SystemTags {

	/** Name of the run, shown in the UI. */
	public static final String RUN_NAME = "mlflow.runName";

	/** User who started the run. */
	public static final String USER = "mlflow.user";

	/** Name of the program that produced the run. */
	public static final String SOURCE_NAME = "mlflow.source.name";

	/** Kind of source: {@code LOCAL}, {@code JOB}, {@code NOTEBOOK}, {@code PROJECT}. */
	public static final String SOURCE_TYPE = "mlflow.source.type";

	/** Id of the parent run of a nested run. */
	public static final String PARENT_RUN_ID = "mlflow.parentRunId";

	/** Description of the run, shown in the UI. */
	public static final String NOTE = "mlflow.note.content";

	private SystemTags() {
	}

}
