package io.github.mlflowstarter.client;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error answers that a real server sends rarely or not on demand: proxies, basic-auth, empty
 * 404s, numeric error codes.
 */
class MlflowErrorTranslatorTests {

	private static final String BASIC_AUTH_401 = "You are not authenticated. Please see"
			+ " https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.";

	private final MlflowErrorTranslator translator = new MlflowErrorTranslator(URI.create("http://mlflow:5000"));

	@Test
	void jsonErrorKeepsMlflowsCodeAndMessage() {
		MlflowApiException error = this.translator.translate("POST /x", 400,
				"{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"bad key\", \"extra\": 1}");
		assertThat(error.getErrorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
		assertThat(error.getServerMessage()).isEqualTo("bad key");
		assertThat(error.getHttpStatus()).isEqualTo(400);
		assertThat(error).hasMessage("MLflow POST /x failed: HTTP 400 INVALID_PARAMETER_VALUE: bad key");
	}

	@Test
	void numericErrorCodeIsMappedLikeAStatus() {
		MlflowApiException error = this.translator.translate("GET /x", 500,
				"{\"error_code\": \"503\", \"message\": \"busy\"}");
		assertThat(error.getErrorCode()).isEqualTo(MlflowErrorCodes.TEMPORARILY_UNAVAILABLE);
	}

	@Test
	void plainTextHostHeaderRejectionPointsToAllowedHosts() {
		MlflowApiException error = this.translator.translate("POST /x", 403,
				"Invalid Host header - possible DNS rebinding attack detected");
		assertThat(error.getErrorCode()).isEqualTo(MlflowErrorCodes.PERMISSION_DENIED);
		assertThat(error.getMessage()).contains("'mlflow'").contains("--allowed-hosts")
			.contains("MLFLOW_SERVER_ALLOWED_HOSTS")
			.doesNotContain("Permission denied:");
	}

	@Test
	void basicAuth401NamesTheUserAndWhereTheCredentialsAreSetButNoSecret() {
		MlflowErrorTranslator translator = new MlflowErrorTranslator(URI.create("http://mlflow:5000"),
				MlflowCredentialsDescription.basic("alice", "mlflow.tracking.username and mlflow.tracking.password"));
		MlflowApiException error = translator.translate("GET /x", 401, BASIC_AUTH_401, null, true);
		assertThat(error.getErrorCode()).isEqualTo(MlflowErrorCodes.UNAUTHENTICATED);
		assertThat(error.isTransient()).isFalse();
		assertThat(error.getMessage()).contains("Authentication failed")
			.contains("did not accept the user name 'alice' and its password")
			.contains("check mlflow.tracking.username and mlflow.tracking.password")
			.doesNotContain("..");
	}

	@Test
	void basicAuth401WithoutAnAuthorizationHeaderSaysNoCredentialsWereSent() {
		MlflowErrorTranslator translator = new MlflowErrorTranslator(URI.create("http://mlflow:5000"),
				MlflowCredentialsDescription.none("mlflow.tracking.username and mlflow.tracking.password"));
		MlflowApiException error = translator.translate("GET /x", 401, BASIC_AUTH_401, null, false);
		assertThat(error.getMessage()).contains("Authentication failed")
			.contains("requires credentials and the client sent none")
			.contains("set mlflow.tracking.username and mlflow.tracking.password");
	}

	@Test
	void jsonUnauthenticatedGetsTheSameHint() {
		MlflowApiException error = this.translator.translate("GET /x", 401,
				"{\"error_code\": \"UNAUTHENTICATED\", \"message\": \"token expired\"}");
		assertThat(error.getMessage()).contains("token expired")
			.contains("Authentication failed")
			.contains("MlflowAuthentication.basic");
	}

	@Test
	void basicAuthPermissionDeniedSaysTheUserLacksAPermission() {
		MlflowErrorTranslator translator = new MlflowErrorTranslator(URI.create("http://mlflow:5000"),
				MlflowCredentialsDescription.basic("alice", "mlflow.tracking.username"));
		MlflowApiException error = translator.translate("GET /x", 403, "Permission denied");
		assertThat(error.getErrorCode()).isEqualTo(MlflowErrorCodes.PERMISSION_DENIED);
		assertThat(error.getMessage()).contains("Permission denied: the server at http://mlflow:5000 accepted the"
				+ " user name 'alice' and its password but that user has no permission for this request")
			.contains("admin")
			.doesNotContain("--allowed-hosts");
	}

	@Test
	void otherPlainText403IsNotMistakenForAPermissionOrHostProblem() {
		MlflowApiException error = this.translator.translate("GET /x", 403, "Forbidden by proxy policy");
		assertThat(error.getMessage()).contains("lacks a permission, or a proxy")
			.doesNotContain("--allowed-hosts")
			.doesNotContain("Permission denied:");
	}

	@Test
	void emptyNotFoundMeansTheEndpointIsMissing() {
		MlflowApiException error = this.translator.translate("GET /x", 404, "");
		assertThat(error.getErrorCode()).isEqualTo(MlflowErrorCodes.ENDPOINT_NOT_FOUND);
		assertThat(error.getMessage()).contains("does not offer this endpoint").contains("path prefix");
	}

	@Test
	void htmlProxyPageIsReportedByStatusAndShortened() {
		String page = "<html>" + "x".repeat(5000) + "</html>";
		MlflowApiException error = this.translator.translate("GET /x", 502, page);
		assertThat(error.getErrorCode()).isEqualTo(MlflowErrorCodes.INTERNAL_ERROR);
		assertThat(error.getServerMessage()).hasSizeLessThan(2100).endsWith("...");
	}

	@Test
	void brokenJsonFallsBackToTheStatus() {
		MlflowApiException error = this.translator.translate("GET /x", 503, "{not json");
		assertThat(error.getErrorCode()).isEqualTo(MlflowErrorCodes.TEMPORARILY_UNAVAILABLE);
		assertThat(error.getServerMessage()).isEqualTo("{not json");
	}

}
