package io.github.mlflowstarter.client;

import io.github.mlflowstarter.client.model.Metric;
import org.jspecify.annotations.Nullable;

/**
 * Checks keys and values against the MLflow server's rules before anything is sent, so the caller
 * learns at once what is wrong and what the limit is.
 */
final class LogEntryValidator {

	static final int MAX_KEY_LENGTH = 250;

	static final int MAX_PARAM_VALUE_LENGTH = 6000;

	static final int MAX_TAG_VALUE_LENGTH = 8000;

	private LogEntryValidator() {
	}

	static void checkMetric(Metric metric) {
		checkKey("Metric", metric.key());
		if (metric.timestamp() < 0) {
			throw new MlflowValidationException("Metric '" + metric.key() + "' has timestamp " + metric.timestamp()
					+ "; MLflow needs milliseconds since the epoch, 0 or more");
		}
	}

	static void checkParam(@Nullable String key, @Nullable String value) {
		checkKey("Param", key);
		checkValue("Param", key, value, MAX_PARAM_VALUE_LENGTH);
	}

	static void checkTag(@Nullable String key, @Nullable String value) {
		checkKey("Tag", key);
		checkValue("Tag", key, value, MAX_TAG_VALUE_LENGTH);
	}

	private static void checkValue(String kind, String key, @Nullable String value, int maxLength) {
		if (value == null) {
			throw new MlflowValidationException(kind + " '" + key + "' has a null value; log an empty string instead");
		}
		if (value.length() > maxLength) {
			throw new MlflowValidationException(kind + " '" + key + "' has a value of " + value.length()
					+ " characters; MLflow keeps at most " + maxLength
					+ " (the server would cut the rest off silently), so it was not logged");
		}
	}

	static void checkKey(String kind, @Nullable String key) {
		if (key == null || key.isEmpty()) {
			throw new MlflowValidationException(kind + " key must not be null or empty");
		}
		if (key.length() > MAX_KEY_LENGTH) {
			throw new MlflowValidationException(kind + " key '" + key.substring(0, 40) + "...' has " + key.length()
					+ " characters; MLflow allows at most " + MAX_KEY_LENGTH);
		}
		for (int i = 0; i < key.length();) {
			int c = key.codePointAt(i);
			if (!isAllowed(c)) {
				throw new MlflowValidationException(kind + " key '" + key + "' contains '" + new String(Character.toChars(c))
						+ "' at position " + i + "; MLflow keys may contain only letters, digits, underscores (_),"
						+ " dashes (-), periods (.), spaces ( ), colons (:) and slashes (/)");
			}
			i += Character.charCount(c);
		}
		if (!isNormalPath(key)) {
			throw new MlflowValidationException(kind + " key '" + key + "' is not a normalized path; MLflow rejects keys"
					+ " that start with '/' or '..', end with '/', are '.', or contain '//', '/./' or '/../'");
		}
	}

	private static boolean isAllowed(int c) {
		int type = Character.getType(c);
		return Character.isLetterOrDigit(c) || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER
				|| c == '_' || c == '-' || c == '.' || c == ' ' || c == ':' || c == '/';
	}

	private static boolean isNormalPath(String key) {
		if (key.equals(".") || key.startsWith("..") || key.startsWith("/") || key.endsWith("/")) {
			return false;
		}
		for (String segment : key.split("/", -1)) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				return false;
			}
		}
		return true;
	}

}
