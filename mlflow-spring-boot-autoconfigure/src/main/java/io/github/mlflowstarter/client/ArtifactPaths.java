package io.github.mlflowstarter.client;

import org.jspecify.annotations.Nullable;

/**
 * Checks artifact paths against the rules the MLflow server applies ({@code validate_path_is_safe}),
 * where the call is made, so that a bad path fails at once with the rule it breaks instead of
 * with the server's bare "Invalid path".
 */
final class ArtifactPaths {

	private ArtifactPaths() {
	}

	/**
	 * Checks the path of an artifact file.
	 * @param path the path relative to the run's artifact root, such as {@code model/weights.bin}
	 * @return the path
	 * @throws MlflowValidationException if the path is blank, unsafe, or names a directory
	 */
	static String checkFile(@Nullable String path) {
		if (path == null || path.isBlank()) {
			throw new MlflowValidationException("Artifact path must not be null or blank");
		}
		checkSafe(path);
		if (path.endsWith("/")) {
			throw invalid(path, "it must name a file, not end with '/'");
		}
		return path;
	}

	/**
	 * Checks the path of an artifact directory; {@code null} and the empty string mean the
	 * artifact root.
	 * @param path the directory relative to the run's artifact root
	 * @return the path without trailing slashes, or {@code null} for the root
	 * @throws MlflowValidationException if the path is unsafe
	 */
	static @Nullable String checkDirectory(@Nullable String path) {
		if (path == null || path.isEmpty()) {
			return null;
		}
		checkSafe(path);
		String trimmed = path;
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static void checkSafe(String path) {
		if (path.indexOf('\\') >= 0) {
			throw invalid(path, "it must not contain a backslash; separate directories with '/'");
		}
		if (path.indexOf('#') >= 0) {
			throw invalid(path, "it must not contain '#'");
		}
		if (path.startsWith("/") || hasDriveLetter(path)) {
			throw invalid(path, "it must be relative to the run's artifact root, not absolute");
		}
		for (String segment : path.split("/", -1)) {
			if (segment.equals("..")) {
				throw invalid(path, "it must not contain a '..' segment");
			}
		}
		for (int i = 0; i < path.length(); i++) {
			if (Character.isISOControl(path.charAt(i))) {
				throw invalid(path, "it must not contain control characters");
			}
		}
	}

	private static boolean hasDriveLetter(String path) {
		return path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':';
	}

	private static MlflowValidationException invalid(String path, String rule) {
		return new MlflowValidationException("Artifact path '" + path + "' is invalid: " + rule);
	}

}
