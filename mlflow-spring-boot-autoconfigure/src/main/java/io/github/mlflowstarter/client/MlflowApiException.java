package io.github.mlflowstarter.client;

import java.time.Duration;

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

	private final @Nullable Duration retryAfter;

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
		this(operation, httpStatus, errorCode, serverMessage, hint, null);
	}

	/**
	 * Creates an exception.
	 * @param operation the request that failed, as {@code METHOD path}
	 * @param httpStatus the HTTP status of the answer
	 * @param errorCode MLflow's error code, or one derived from the status
	 * @param serverMessage the server's message (possibly empty)
	 * @param hint advice on how to fix the problem, or {@code null}
	 * @param retryAfter how long the server asked the client to wait ({@code Retry-After}), or
	 * {@code null}
	 */
	public MlflowApiException(String operation, int httpStatus, String errorCode, String serverMessage,
			@Nullable String hint, @Nullable Duration retryAfter) {
		super(describe(operation, httpStatus, errorCode, serverMessage, hint));
		this.operation = operation;
		this.httpStatus = httpStatus;
		this.errorCode = errorCode;
		this.serverMessage = serverMessage;
		this.retryAfter = retryAfter;
	}

	private static String describe(String operation, int httpStatus, String errorCode, String serverMessage,
			@Nullable String hint) {
		StringBuilder message = new StringBuilder();
		message.append("MLflow ").append(operation).append(" failed: HTTP ").append(httpStatus).append(' ')
			.append(errorCode);
		String text = serverMessage.strip();
		if (!text.isEmpty()) {
			message.append(": ").append(text);
		}
		if (hint != null) {
			message.append(text.endsWith(".") ? " " : ". ").append(hint);
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
	 * How long the server asked the client to wait before trying again.
	 * @return the {@code Retry-After} delay, or {@code null} when the server sent none
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * Whether the same request may succeed later: HTTP 408, 429 and 5xx (except 501), where
	 * the problem is the server's load or state rather than the request.
	 * @return {@code true} if trying again later makes sense
	 */
	public boolean isTransient() {
		return this.httpStatus == 408 || this.httpStatus == 429
				|| (this.httpStatus >= 500 && this.httpStatus != 501);
	}

	/**
	 * Whether the server rejected the request's content (HTTP 400 with
	 * {@code INVALID_PARAMETER_VALUE}, {@code BAD_REQUEST} or {@code RESOURCE_DOES_NOT_EXIST}
	 * and similar): sending it again unchanged fails again.
	 * @return {@code true} for a 4xx other than 408 and 429
	 */
	public boolean isRejection() {
		return this.httpStatus >= 400 && this.httpStatus < 500 && !isTransient();
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
