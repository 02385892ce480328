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

	private static final String BASIC_AUTH_PERMISSION_DENIED = "Permission denied";

	private final URI trackingUri;

	private final MlflowCredentialsDescription credentials;

	MlflowErrorTranslator(URI trackingUri) {
		this(trackingUri, MlflowCredentialsDescription.UNKNOWN);
	}

	MlflowErrorTranslator(URI trackingUri, MlflowCredentialsDescription credentials) {
		this.trackingUri = trackingUri;
		this.credentials = credentials;
	}

	MlflowApiException translate(String operation, int status, String body) {
		return translate(operation, status, body, null);
	}

	MlflowApiException translate(String operation, int status, String body, @Nullable Duration retryAfter) {
		return translate(operation, status, body, retryAfter, true);
	}

	/**
	 * Translates an error answer.
	 * @param credentialsSent whether the request carried an {@code Authorization} header, so
	 * that a 401 can tell "wrong credentials" from "no credentials"
	 */
	MlflowApiException translate(String operation, int status, String body, @Nullable Duration retryAfter,
			boolean credentialsSent) {
		ErrorBody error = parse(body);
		if (error != null && error.errorCode() != null && !error.errorCode().isBlank()) {
			String code = error.errorCode().strip();
			if (code.chars().allMatch(Character::isDigit)) {
				code = MlflowErrorCodes.fromHttpStatus(Integer.parseInt(code));
			}
			String message = (error.message() != null) ? error.message() : "";
			return new MlflowApiException(operation, status, code, message, hintForCode(code, credentialsSent),
					retryAfter);
		}
		String text = plainText(body);
		String code = MlflowErrorCodes.fromHttpStatus(status);
		return new MlflowApiException(operation, status, code, text, hintForPlainAnswer(status, text, credentialsSent),
				retryAfter);
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

	private @Nullable String hintForCode(String code, boolean credentialsSent) {
		return switch (code) {
			case MlflowErrorCodes.UNAUTHENTICATED -> authenticationFailed(credentialsSent);
			case MlflowErrorCodes.PERMISSION_DENIED -> permissionDenied();
			default -> null;
		};
	}

	/**
	 * The hint for HTTP 401: names the credentials (never a secret) and where they are set.
	 */
	private String authenticationFailed(boolean credentialsSent) {
		if (!credentialsSent) {
			return "Authentication failed: the server at " + this.trackingUri
					+ " requires credentials and the client sent none; set " + this.credentials.source();
		}
		String sent = this.credentials.credentials();
		return "Authentication failed: the server at " + this.trackingUri + " did not accept "
				+ ((sent != null) ? sent : "the Authorization header the client sends") + "; check "
				+ this.credentials.source();
	}

	/**
	 * The hint for the basic-auth app's HTTP 403: the user is known but lacks a permission.
	 */
	private String permissionDenied() {
		String sent = this.credentials.credentials();
		String who = (sent != null) ? "accepted " + sent + " but that user" : "says the client";
		return "Permission denied: the server at " + this.trackingUri + " " + who
				+ " has no permission for this request. Ask an MLflow admin to grant the user a permission on"
				+ " the experiment or model (MLflow's permission REST API or UI), or configure a user who has"
				+ " one in " + this.credentials.source();
	}

	private @Nullable String hintForPlainAnswer(int status, String text, boolean credentialsSent) {
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
			return authenticationFailed(credentialsSent);
		}
		if (status == 403 && text.equals(BASIC_AUTH_PERMISSION_DENIED)) {
			return permissionDenied();
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
					+ "; check that the tracking URI (including any path prefix) points at an MLflow server, of a"
					+ " version that has this endpoint (GET /version tells the server's version)";
		}
		if (status == 503 && text.toLowerCase().contains("artifacts-only")) {
			return "The server runs with --artifacts-only and serves no tracking API; point the client at a"
					+ " tracking server";
		}
		return null;
	}

}
