package io.github.mlflowstarter.client;

import io.github.mlflowstarter.client.model.Metric;
import org.jspecify.annotations.Nullable;

/**
 * Checks keys and values against the MLflow server's rules before anything is sent, so the caller
 * learns at once what is wrong and what the limit is. Lengths are counted the way the server
 * counts them, in Unicode code points (an emoji is one character, not two Java {@code char}s).
 */
final class LogEntryValidator {

	static final int MAX_KEY_LENGTH = 250;

	static final int MAX_PARAM_VALUE_LENGTH = 6000;

	static final int MAX_TAG_VALUE_LENGTH = 8000;

	private LogEntryValidator() {
	}

	static void checkMetric(@Nullable Metric metric) {
		if (metric == null) {
			throw new MlflowValidationException("Metric must not be null");
		}
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
		int length = value.codePointCount(0, value.length());
		if (length > maxLength) {
			throw new MlflowValidationException(kind + " '" + key + "' has a value of " + length
					+ " characters; MLflow keeps at most " + maxLength
					+ " (the server would cut the rest off silently), so it was not logged");
		}
		int broken = unpairedSurrogate(value);
		if (broken >= 0) {
			throw new MlflowValidationException(kind + " '" + key + "' has a value with an unpaired surrogate (\\u"
					+ Integer.toHexString(value.charAt(broken)) + ") at position " + broken
					+ "; it is not valid Unicode text, and the server would store it damaged, so it was not logged");
		}
		int nul = value.indexOf('\u0000');
		if (nul >= 0) {
			throw new MlflowValidationException(kind + " '" + key + "' has a value with a NUL character (\\u0000) at"
					+ " position " + nul + "; an MLflow server on PostgreSQL cannot store it (it fails with HTTP 500),"
					+ " so it was not logged. Remove it or write it as text such as \\0");
		}
	}

	/**
	 * The index of the first UTF-16 surrogate that is not part of a pair, or -1 when the text is
	 * valid Unicode.
	 */
	static int unpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

	static void checkKey(String kind, @Nullable String key) {
		if (key == null || key.isEmpty()) {
			throw new MlflowValidationException(kind + " key must not be null or empty");
		}
		int length = key.codePointCount(0, key.length());
		if (length > MAX_KEY_LENGTH) {
			throw new MlflowValidationException(kind + " key '"
					+ printable(key.substring(0, key.offsetByCodePoints(0, 40))) + "...' has " + length + " characters; MLflow allows at most " + MAX_KEY_LENGTH);
		}
		for (int i = 0; i < key.length();) {
			int c = key.codePointAt(i);
			if (!isAllowed(c)) {
				throw new MlflowValidationException(kind + " key '" + printable(key) + "' contains " + describe(c)
						+ " at position " + i + "; MLflow keys may contain only letters, digits, underscores (_),"
						+ " dashes (-), periods (.), spaces ( ), colons (:) and slashes (/)");
			}
			i += Character.charCount(c);
		}
		if (!isNormalPath(key)) {
			throw new MlflowValidationException(kind + " key '" + printable(key)
					+ "' is not a normalized path; MLflow rejects keys that start with '/' or"
					+ " '..', end with '/', are '.', or contain '//', '/./' or '/../'");
		}
	}

	/**
	 * A character as a message can show it: printable ones quoted, the others (control
	 * characters, invisible joiners, lone surrogates) by their code point.
	 */
	private static String describe(int c) {
		String code = String.format("U+%04X", c);
		if (Character.isISOControl(c) || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
				|| Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.NON_SPACING_MARK
				|| Character.isWhitespace(c) || Character.isSpaceChar(c)) {
			return code;
		}
		return "'" + new String(Character.toChars(c)) + "' (" + code + ")";
	}

	/**
	 * The text with control characters and lone surrogates written as {@code \\uXXXX}, so that a
	 * message never carries a raw NUL or line break.
	 */
	static String printable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean pairedSurrogate = (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1)))
					|| (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
			if (Character.isISOControl(c) || (Character.isSurrogate(c) && !pairedSurrogate)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
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
