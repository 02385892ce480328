package io.github.mlflowstarter.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * Where the MLflow server's artifact proxy serves the artifacts of a run, the way MLflow's Python
 * client ({@code MlflowArtifactsRepository}) finds it: an artifact URI
 * {@code mlflow-artifacts:/0/<run id>/artifacts} becomes
 * {@code <tracking URI>/api/2.0/mlflow-artifacts/artifacts/0/<run id>/artifacts}; an artifact URI
 * with a host ({@code mlflow-artifacts://host:port/...}) sends the request to that host, with the
 * scheme and path prefix of the tracking URI.
 * <p>
 * Also explains the two ways a server fails to serve artifacts: a run whose artifact URI the
 * proxy does not serve, and a server started with {@code --no-serve-artifacts}.
 */
final class ArtifactProxy {

	static final String PROXY_PREFIX = "/api/2.0/mlflow-artifacts/artifacts";

	private static final String SCHEME = "mlflow-artifacts:";

	private static final String FIX = "Run the MLflow server with artifact serving (the default --serve-artifacts,"
			+ " not --no-serve-artifacts) and the default artifact root mlflow-artifacts:/ (or give the experiment"
			+ " an artifact location under mlflow-artifacts:/); this client reaches artifacts only through the"
			+ " server's artifact proxy, never the storage behind it";

	private final URI trackingUri;

	ArtifactProxy(URI trackingUri) {
		this.trackingUri = trackingUri;
	}

	/**
	 * The proxy URL of one artifact file of a run.
	 * @param runId the run id, for messages
	 * @param artifactUri the run's artifact URI ({@code RunInfo.artifactUri()})
	 * @param artifactPath a {@linkplain ArtifactPaths#checkFile checked} path relative to the
	 * artifact root
	 * @return the URL
	 * @throws MlflowArtifactsUnavailableException if the proxy does not serve the artifact URI
	 */
	URI fileUrl(String runId, @Nullable String artifactUri, String artifactPath) {
		return ownerFileUrl("MLflow run " + runId, artifactUri, artifactPath);
	}

	/**
	 * The proxy URL of one artifact file of any owner of an artifact URI of the same form as
	 * a run's, such as a logged model ({@code mlflow-artifacts:/1/models/m-.../artifacts}).
	 * @param owner the owner, for messages, such as {@code logged model m-...}
	 * @param artifactUri the owner's artifact URI
	 * @param artifactPath a {@linkplain ArtifactPaths#checkFile checked} path relative to the
	 * artifact root
	 * @return the URL
	 * @throws MlflowArtifactsUnavailableException if the proxy does not serve the artifact URI
	 */
	URI ownerFileUrl(String owner, @Nullable String artifactUri, String artifactPath) {
		String file = UriUtils.encodePath(artifactPath, StandardCharsets.UTF_8);
		return URI.create(rootUrl(owner, artifactUri) + "/" + file);
	}

	private String rootUrl(String owner, @Nullable String artifactUri) {
		if (artifactUri == null || !artifactUri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			throw notServed(owner, artifactUri);
		}
		String rest = artifactUri.substring(SCHEME.length());
		String authority = null;
		String path = rest;
		if (rest.startsWith("//")) {
			int slash = rest.indexOf('/', 2);
			authority = (slash >= 0) ? rest.substring(2, slash) : rest.substring(2);
			path = (slash >= 0) ? rest.substring(slash) : "";
		}
		String host = (authority != null && !authority.isEmpty()) ? authority : this.trackingUri.getRawAuthority();
		String prefix = (this.trackingUri.getRawPath() != null) ? this.trackingUri.getRawPath() : "";
		String fullPath = (prefix + PROXY_PREFIX + "/" + UriUtils.encodePath(path, StandardCharsets.UTF_8))
			.replaceAll("/{2,}", "/");
		if (fullPath.endsWith("/")) {
			fullPath = fullPath.substring(0, fullPath.length() - 1);
		}
		return this.trackingUri.getScheme() + "://" + host + fullPath;
	}

	private static boolean isMissingFileOfMlflow2(MlflowApiException api) {
		return api.getHttpStatus() == 500 && api.hasErrorCode(MlflowErrorCodes.INTERNAL_ERROR)
				&& api.getServerMessage().contains("No such file or directory");
	}

	private MlflowArtifactsUnavailableException notServed(String owner, @Nullable String artifactUri) {
		return new MlflowArtifactsUnavailableException("The artifacts of " + owner + " live at '"
				+ artifactUri + "', which the MLflow server at " + this.trackingUri
				+ " does not serve through its artifact proxy (it serves mlflow-artifacts: URIs only). " + FIX,
				artifactUri, null);
	}

	/**
	 * Turns the answer of a server started with {@code --no-serve-artifacts} (HTTP 503, plain
	 * text or {@code {"detail": ...}}) into an error that says so, and MLflow 2.x's answer for a
	 * missing file (HTTP 500 {@code INTERNAL_ERROR} "No such file or directory", which would be
	 * retried) into the HTTP 404 {@code RESOURCE_DOES_NOT_EXIST} of MLflow 3; passes other errors
	 * through.
	 * @param error the error of a proxy request
	 * @return the error to report
	 */
	Throwable explain(Throwable error) {
		if (error instanceof MlflowApiException api && isMissingFileOfMlflow2(api)) {
			return new MlflowApiException(api.getOperation(), 404, MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST,
					api.getServerMessage(), "The artifact does not exist (the MLflow 2.x server answered HTTP 500 "
							+ "INTERNAL_ERROR for the missing file; reported as MLflow 3 reports it); check the path"
							+ " against list(runId, directory)",
					null);
		}
		if (error instanceof MlflowApiException api && api.getHttpStatus() == 503
				&& (api.getServerMessage().contains("serve-artifacts")
						|| api.getServerMessage().contains("Artifact serving is disabled"))) {
			return new MlflowArtifactsUnavailableException("The MLflow server at " + this.trackingUri
					+ " does not serve artifacts: it runs with --no-serve-artifacts (" + api.getOperation()
					+ " answered HTTP 503). " + FIX, null, api);
		}
		return error;
	}

}
