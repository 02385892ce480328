package io.github.mlflowstarter.client;

import java.net.URI;
import java.time.Duration;

import io.github.mlflowstarter.client.WireTypes.ErrorBody;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an error answer of the server into an {@link MlflowApiException} that names the cause
 * and, where the cause is known, the fix.
 */
final class MlflowErrorTranslator {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_MESSAGE_LENGTH = 2000;

	private final URI trackingUri;

	MlflowErrorTranslator(URI trackingUri) {
		this.trackingUri = trackingUri;
	}

	MlflowApiException translate(String operation, int status, String body) {
		return translate(operation, status, body, null);
	}

	MlflowApiException translate(String operation, int status, String body, @Nullable Duration retryAfter) {
		ErrorBody error = parse(body);
		if (error != null && error.errorCode() != null && !error.errorCode().isBlank()) {
			String code = error.errorCode().strip();
			if (code.chars().allMatch(Character::isDigit)) {
				code = MlflowErrorCodes.fromHttpStatus(Integer.parseInt(code));
			}
			String message = (error.message() != null) ? error.message() : "";
			return new MlflowApiException(operation, status, code, message, hintForCode(code), retryAfter);
		}
		String text = plainText(body);
		String code = MlflowErrorCodes.fromHttpStatus(status);
		return new MlflowApiException(operation, status, code, text, hintForPlainAnswer(status, text), retryAfter);
	}

	private static @Nullable ErrorBody parse(String body) {
		String trimmed = body.strip();
		if (!trimmed.startsWith("{")) {
			return null;
		}
		try {
			return JSON.readValue(trimmed, ErrorBody.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String plainText(String body) {
		String text = body.strip();
		return (text.length() > MAX_MESSAGE_LENGTH) ? text.substring(0, MAX_MESSAGE_LENGTH) + "..." : text;
	}

	private @Nullable String hintForCode(String code) {
		return switch (code) {
			case MlflowErrorCodes.UNAUTHENTICATED -> "Check the credentials the client sends to " + this.trackingUri;
			default -> null;
		};
	}

	private @Nullable String hintForPlainAnswer(int status, String text) {
		if (status == 403 && text.contains("Invalid Host header")) {
			return "The server's Host-header check (MLflow 3.5 and later) rejected the host name '"
					+ this.trackingUri.getHost() + "'. Start the server with --allowed-hosts (or the environment"
					+ " variable MLFLOW_SERVER_ALLOWED_HOSTS) listing that name, or connect through a name the"
					+ " server allows such as localhost";
		}
		if (status == 403 && text.contains("Cross-origin request blocked")) {
			return "The server rejected the request's Origin header; remove the Origin header from the client"
					+ " or add the origin to the server's --cors-allowed-origins";
		}
		if (status == 401) {
			return "The server requires authentication; check the credentials the client sends to "
					+ this.trackingUri;
		}
		if (status == 403) {
			return "The server refused the request: the user lacks a permission, or a proxy in front of "
					+ this.trackingUri + " blocked it";
		}
		if (status == 404 && text.isEmpty()) {
			return "The server at " + this.trackingUri + " does not offer this endpoint; check that the tracking"
					+ " URI (including any path prefix) points at an MLflow server of a version that supports it";
		}
		if (status == 404) {
			return "No MLflow endpoint answered at " + this.trackingUri
					+ "; check that the tracking URI (including any path prefix) points at an MLflow server";
		}
		if (status == 503 && text.toLowerCase().contains("artifacts-only")) {
			return "The server runs with --artifacts-only and serves no tracking API; point the client at a"
					+ " tracking server";
		}
		return null;
	}

}
