package io.github.mlflowstarter.client;

import org.jspecify.annotations.Nullable;

/**
 * The MLflow server answered a request with an error.
 * <p>
 * Carries MLflow's {@code error_code} (for example {@code RESOURCE_DOES_NOT_EXIST} or
 * {@code INVALID_PARAMETER_VALUE}), the HTTP status and the server's own message. When the
 * server's answer is not MLflow's JSON error (a proxy page, the plain-text 403 of the Host-header
 * check, an empty 404), the error code is derived from the HTTP status the way MLflow's Python
 * client does it.
 */
public class MlflowApiException extends MlflowException {

	private static final long serialVersionUID = 1L;

	private final String errorCode;

	private final int httpStatus;

	private final String serverMessage;

	private final String operation;

	/**
	 * Creates an exception.
	 * @param operation the request that failed, as {@code METHOD path}
	 * @param httpStatus the HTTP status of the answer
	 * @param errorCode MLflow's error code, or one derived from the status
	 * @param serverMessage the server's message (possibly empty)
	 * @param hint advice on how to fix the problem, or {@code null}
	 */
	public MlflowApiException(String operation, int httpStatus, String errorCode, String serverMessage,
			@Nullable String hint) {
		super(describe(operation, httpStatus, errorCode, serverMessage, hint));
		this.operation = operation;
		this.httpStatus = httpStatus;
		this.errorCode = errorCode;
		this.serverMessage = serverMessage;
	}

	private static String describe(String operation, int httpStatus, String errorCode, String serverMessage,
			@Nullable String hint) {
		StringBuilder message = new StringBuilder();
		message.append("MLflow ").append(operation).append(" failed: HTTP ").append(httpStatus).append(' ')
			.append(errorCode);
		if (!serverMessage.isBlank()) {
			message.append(": ").append(serverMessage.strip());
		}
		if (hint != null) {
			message.append(". ").append(hint);
		}
		return message.toString();
	}

	/**
	 * MLflow's error code, such as {@code RESOURCE_DOES_NOT_EXIST}.
	 * @return the error code
	 * @see MlflowErrorCodes
	 */
	public String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * The HTTP status of the server's answer.
	 * @return the HTTP status code
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * The message the server sent, without anything the client added.
	 * @return the server's message, possibly empty
	 */
	public String getServerMessage() {
		return this.serverMessage;
	}

	/**
	 * The request that failed.
	 * @return the request as {@code METHOD path}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Whether the server answered with the given error code.
	 * @param code an error code, see {@link MlflowErrorCodes}
	 * @return {@code true} if the codes match
	 */
	public boolean hasErrorCode(String code) {
		return this.errorCode.equals(code);
	}

}
