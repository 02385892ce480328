package io.github.mlflowstarter.testsupport;

import java.util.Arrays;

import org.junit.jupiter.api.Assumptions;

/**
 * JUnit assumptions on the version of the MLflow server under test, so that a test of a feature
 * an older server lacks (MLflow 3 logged models, for example) is skipped, with the reason, when
 * the suite runs against such a server ({@code -Dmlflow.version}, see
 * {@code scripts/compat-matrix.sh}), instead of failing.
 */
public final class ServerVersionAssumptions {

	private ServerVersionAssumptions() {
	}

	/**
	 * Skips the calling test unless the server's version is at least the given one.
	 * @param server the server under test
	 * @param minimumVersion the first version with the feature, for example {@code 3.0}
	 * @param feature what the test needs, for the reason of the skip (for example
	 * {@code "logged models"})
	 */
	public static void assumeServerAtLeast(MlflowServer server, String minimumVersion, String feature) {
		String version = server.version();
		Assumptions.assumeTrue(isAtLeast(version, minimumVersion), () -> feature + " need MLflow " + minimumVersion
				+ " or later; the server under test is MLflow " + version);
	}

	/**
	 * Whether a version is the same as or later than another, comparing the numeric parts of
	 * their dotted release numbers ({@code 3.0} is {@code 3.0.0}; a suffix such as {@code rc1} or
	 * {@code .dev0} is ignored).
	 * @param version the version, for example {@code 2.22.5}
	 * @param minimumVersion the version to compare with, for example {@code 3.0}
	 * @return {@code true} if {@code version >= minimumVersion}
	 */
	public static boolean isAtLeast(String version, String minimumVersion) {
		int[] actual = releaseNumbers(version);
		int[] minimum = releaseNumbers(minimumVersion);
		for (int i = 0; i < Math.max(actual.length, minimum.length); i++) {
			int left = (i < actual.length) ? actual[i] : 0;
			int right = (i < minimum.length) ? minimum[i] : 0;
			if (left != right) {
				return left > right;
			}
		}
		return true;
	}

	private static int[] releaseNumbers(String version) {
		String[] parts = version.strip().split("\\.");
		int[] numbers = new int[parts.length];
		int count = 0;
		for (String part : parts) {
			String digits = part.replaceFirst("^(\\d*).*$", "$1");
			if (digits.isEmpty()) {
				break;
			}
			numbers[count++] = Integer.parseInt(digits);
			if (digits.length() < part.length()) {
				break;
			}
		}
		if (count == 0) {
			throw new IllegalArgumentException("'" + version + "' is not an MLflow version such as 3.17.2");
		}
		return Arrays.copyOf(numbers, count);
	}

}
