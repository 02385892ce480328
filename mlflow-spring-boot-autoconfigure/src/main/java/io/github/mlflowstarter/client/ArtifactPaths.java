package io.github.mlflowstarter.client;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Checks artifact paths against the rules the MLflow server applies ({@code validate_path_is_safe}),
 * where the call is made, so that a bad path fails at once with the rule it breaks instead of
 * with the server's bare "Invalid path". Also refuses what the server would not store under the
 * name given: it percent-decodes paths again and resolves {@code //} and {@code .} segments (so
 * {@code a%41.txt} would become {@code aA.txt}), and it fails with an internal error, which a
 * client would retry in vain, for some paths ({@code a/./b}, names longer than the file system
 * allows).
 */
final class ArtifactPaths {

	/** Longest file or directory name (in UTF-8 bytes) that common file systems accept. */
	static final int MAX_SEGMENT_BYTES = 255;

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
		if (path.endsWith("/")) {
			throw invalid(path, "it must name a file, not end with '/'");
		}
		checkSafe(path);
		return path;
	}

	/**
	 * Checks the path of an artifact directory; {@code null} and the empty string mean the
	 * artifact root.
	 * @param path the directory relative to the artifact root
	 * @return the path without trailing slashes, or {@code null} for the root
	 * @throws MlflowValidationException if the path is unsafe
	 */
	static @Nullable String checkDirectory(@Nullable String path) {
		if (path == null || path.isEmpty()) {
			return null;
		}
		String trimmed = path;
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		if (trimmed.isEmpty()) {
			return null;
		}
		checkSafe(trimmed);
		return trimmed;
	}

	private static void checkSafe(String path) {
		for (int i = 0; i < path.length(); i++) {
			if (Character.isISOControl(path.charAt(i))) {
				throw invalid(path, "it must not contain control characters");
			}
		}
		if (LogEntryValidator.unpairedSurrogate(path) >= 0) {
			throw invalid(path, "it must be valid Unicode text, without unpaired surrogates");
		}
		if (path.indexOf('\\') >= 0) {
			throw invalid(path, "it must not contain a backslash; separate directories with '/'");
		}
		if (path.indexOf('#') >= 0) {
			throw invalid(path, "it must not contain '#'");
		}
		int escape = percentEscape(path);
		if (escape >= 0) {
			throw invalid(path, "it must not contain a percent-escape such as '" + path.substring(escape, escape + 3)
					+ "': the server decodes it, so the file would be stored under another name; write the"
					+ " character itself");
		}
		if (path.startsWith("/") || hasDriveLetter(path)) {
			throw invalid(path, "it must be relative to the run's artifact root, not absolute");
		}
		if (path.regionMatches(true, 0, "file:", 0, 5)) {
			throw invalid(path, "it must be relative to the run's artifact root, not a file: URI");
		}
		for (String segment : path.split("/", -1)) {
			if (segment.equals("..")) {
				throw invalid(path, "it must not contain a '..' segment");
			}
			if (segment.equals(".") || segment.isEmpty()) {
				throw invalid(path, "it must not contain empty ('//') or '.' segments: the server would store the"
						+ " file under another path, or fail");
			}
			int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > MAX_SEGMENT_BYTES) {
				throw invalid(path, "its part '" + segment.substring(0, segment.offsetByCodePoints(0, 20)) + "...' is "
						+ bytes + " bytes long in UTF-8; file and directory names may have at most "
						+ MAX_SEGMENT_BYTES + " bytes");
			}
		}
	}

	/**
	 * The index of the first {@code %} followed by two hex digits, or -1.
	 */
	private static int percentEscape(String path) {
		for (int i = path.indexOf('%'); i >= 0 && i + 2 < path.length(); i = path.indexOf('%', i + 1)) {
			if (Character.digit(path.charAt(i + 1), 16) >= 0 && Character.digit(path.charAt(i + 2), 16) >= 0) {
				return i;
			}
		}
		return -1;
	}

	private static boolean hasDriveLetter(String path) {
		return path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':';
	}

	private static MlflowValidationException invalid(String path, String rule) {
		return new MlflowValidationException(
				"Artifact path '" + LogEntryValidator.printable(abbreviated(path)) + "' is invalid: " + rule);
	}

	private static String abbreviated(String path) {
		return (path.codePointCount(0, path.length()) <= 300) ? path
				: path.substring(0, path.offsetByCodePoints(0, 300)) + "...";
	}

}
