package io.github.mlflowstarter.client.model;

/**
 * Status of an MLflow 3 logged model, as the server names it. A model is created
 * {@link #LOGGED_MODEL_PENDING} and finalized {@link #LOGGED_MODEL_READY} once its artifacts are
 * uploaded, or {@link #LOGGED_MODEL_UPLOAD_FAILED} when they could not be.
 */
public enum LoggedModelStatus {

	/** The server knows no status (not set). */
	LOGGED_MODEL_STATUS_UNSPECIFIED,

	/** Created; its artifacts may still be uploading. */
	LOGGED_MODEL_PENDING,

	/** Finalized: its artifacts are complete. */
	LOGGED_MODEL_READY,

	/** Finalized: its artifacts could not be uploaded. */
	LOGGED_MODEL_UPLOAD_FAILED;

	/**
	 * Whether a model may be finalized with this status.
	 * @return {@code true} for {@link #LOGGED_MODEL_READY} and {@link #LOGGED_MODEL_UPLOAD_FAILED}
	 */
	public boolean isFinal() {
		return this == LOGGED_MODEL_READY || this == LOGGED_MODEL_UPLOAD_FAILED;
	}

}
