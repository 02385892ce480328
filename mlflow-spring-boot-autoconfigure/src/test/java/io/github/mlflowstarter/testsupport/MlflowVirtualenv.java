package io.github.mlflowstarter.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The project's MLflow virtualenv, with the extra of the basic-auth app. Installs it with {@code scripts/install-mlflow.sh} (the pinned
 * version from {@code scripts/mlflow-version}) the first time a test needs it.
 * <p>
 * System properties, for runs against another MLflow (see {@code scripts/compat-matrix.sh}):
 * <ul>
 * <li>{@code mlflow.venv}: the virtualenv folder (default {@code .mlflow-venv} in the project
 * root);</li>
 * <li>{@code mlflow.version}: the MLflow version that venv must hold (default: the pinned
 * one).</li>
 * </ul>
 * The Python packages the test backend needs (see {@link MlflowTestBackend#requiredPackages()})
 * are installed into the same venv.
 */
public final class MlflowVirtualenv {

	private static boolean checked;

	private MlflowVirtualenv() {
	}

	/**
	 * The project's root directory, found by walking up to the folder holding
	 * {@code scripts/install-mlflow.sh}.
	 * @return the project root
	 */
	public static Path projectRoot() {
		Path dir = Paths.get("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("scripts/install-mlflow.sh"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("Cannot find scripts/install-mlflow.sh above " + Paths.get("").toAbsolutePath());
	}

	/**
	 * The virtualenv directory: the {@code mlflow.venv} system property, else
	 * {@code .mlflow-venv} in the project root.
	 * @return the virtualenv directory
	 */
	public static Path directory() {
		String configured = System.getProperty("mlflow.venv");
		if (configured != null && !configured.isBlank()) {
			return Paths.get(configured);
		}
		return projectRoot().resolve(".mlflow-venv");
	}

	/**
	 * The {@code mlflow} command of the virtualenv.
	 * @return the executable
	 */
	public static Path mlflowExecutable() {
		return directory().resolve("bin/mlflow");
	}

	/**
	 * The pinned MLflow version.
	 * @return the version, for example {@code 3.17.2}
	 */
	public static String pinnedVersion() {
		try {
			return Files.readString(projectRoot().resolve("scripts/mlflow-version")).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The MLflow version the tests run against: the {@code mlflow.version} system property, else
	 * the {@linkplain #pinnedVersion() pinned version}.
	 * @return the version, for example {@code 3.17.2}
	 */
	public static String version() {
		String configured = System.getProperty("mlflow.version");
		if (configured != null && !configured.isBlank()) {
			return configured.strip();
		}
		return pinnedVersion();
	}

	/**
	 * Runs the install script unless the virtualenv already holds the {@linkplain #version()
	 * version} and the packages the test backend needs.
	 */
	public static synchronized void ensureInstalled() {
		if (checked) {
			return;
		}
		Path venv = directory();
		List<String> packages = MlflowTestBackend.requiredPackages();
		if (!isInstalled(venv.resolve(".installed-mlflow-auth-" + version()), packages)) {
			try {
				ProcessBuilder builder = new ProcessBuilder("bash",
						projectRoot().resolve("scripts/install-mlflow.sh").toString())
					.inheritIO();
				builder.environment().put("MLFLOW_VENV", venv.toString());
				builder.environment().put("MLFLOW_VERSION", version());
				builder.environment().put("MLFLOW_EXTRA_PACKAGES", String.join(" ", packages));
				Process process = builder.start();
				if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
					throw new IllegalStateException("scripts/install-mlflow.sh failed; MLflow " + version()
							+ ", needed by the integration tests, could not be installed into " + venv
							+ " (check -Dmlflow.version and -Dmlflow.venv)");
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not run scripts/install-mlflow.sh", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		checked = true;
	}

	/**
	 * Whether the install script's marker exists and lists every package (one a line).
	 */
	private static boolean isInstalled(Path marker, List<String> packages) {
		if (!Files.isRegularFile(marker)) {
			return false;
		}
		try {
			return Files.readAllLines(marker).stream().map(String::strip).toList().containsAll(packages);
		}
		catch (IOException ex) {
			return false;
		}
	}

}
