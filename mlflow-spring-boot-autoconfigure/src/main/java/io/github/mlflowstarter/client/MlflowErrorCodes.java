package io.github.mlflowstarter.client;

/**
 * The MLflow error codes a client most often meets. The server may send others; they reach the
 * caller unchanged in {@link MlflowApiException#getErrorCode()}.
 */
public final class MlflowErrorCodes {

	/** An unexpected server error (HTTP 500). */
	public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

	/** The server is temporarily unavailable (HTTP 503). */
	public static final String TEMPORARILY_UNAVAILABLE = "TEMPORARILY_UNAVAILABLE";

	/** A malformed request (HTTP 400). */
	public static final String BAD_REQUEST = "BAD_REQUEST";

	/** The server took too long (HTTP 504). */
	public static final String DEADLINE_EXCEEDED = "DEADLINE_EXCEEDED";

	/** Rate limited (HTTP 429). */
	public static final String RESOURCE_EXHAUSTED = "RESOURCE_EXHAUSTED";

	/** Rate limited (HTTP 429). */
	public static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";

	/** A conflicting request (HTTP 409). */
	public static final String ALREADY_EXISTS = "ALREADY_EXISTS";

	/** Missing or wrong credentials (HTTP 401). */
	public static final String UNAUTHENTICATED = "UNAUTHENTICATED";

	/** The credentials lack a permission (HTTP 403). */
	public static final String PERMISSION_DENIED = "PERMISSION_DENIED";

	/** A request field has an invalid value (HTTP 400). */
	public static final String INVALID_PARAMETER_VALUE = "INVALID_PARAMETER_VALUE";

	/** The server does not serve this endpoint (HTTP 404). */
	public static final String ENDPOINT_NOT_FOUND = "ENDPOINT_NOT_FOUND";

	/** The entity is in a state that does not allow the operation. */
	public static final String INVALID_STATE = "INVALID_STATE";

	/** The endpoint is not implemented by this server (HTTP 501). */
	public static final String NOT_IMPLEMENTED = "NOT_IMPLEMENTED";

	/** An entity with that name or id already exists (HTTP 400, for historical reasons). */
	public static final String RESOURCE_ALREADY_EXISTS = "RESOURCE_ALREADY_EXISTS";

	/** No entity with that name or id exists (HTTP 404). */
	public static final String RESOURCE_DOES_NOT_EXIST = "RESOURCE_DOES_NOT_EXIST";

	private MlflowErrorCodes() {
	}

	/**
	 * The error code MLflow's Python client derives from an HTTP status when the answer carries
	 * no MLflow error body.
	 * @param httpStatus the HTTP status
	 * @return the error code
	 */
	public static String fromHttpStatus(int httpStatus) {
		return switch (httpStatus) {
			case 400 -> BAD_REQUEST;
			case 401 -> UNAUTHENTICATED;
			case 403 -> PERMISSION_DENIED;
			case 404 -> ENDPOINT_NOT_FOUND;
			case 409 -> ALREADY_EXISTS;
			case 429 -> RESOURCE_EXHAUSTED;
			case 499 -> "CANCELLED";
			case 501 -> NOT_IMPLEMENTED;
			case 503 -> TEMPORARILY_UNAVAILABLE;
			case 504 -> DEADLINE_EXCEEDED;
			default -> INTERNAL_ERROR;
		};
	}

}
