package io.github.mlflowstarter.sample;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.mlflowstarter.client.MlflowApiException;
import io.github.mlflowstarter.client.MlflowErrorCodes;
import io.github.mlflowstarter.client.MlflowModelRegistry;
import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.model.ModelVersion;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Stores the trained model and a short report as artifacts of the run, registers the model as a
 * new version in the model registry, and moves the champion alias to it when it beats the
 * version that holds the alias (higher validation accuracy, ties broken by lower validation loss).
 */
@Component
class ModelPublisher {

	static final String MODEL_PATH = "model";

	static final String MODEL_FILE = MODEL_PATH + "/model.json";

	static final String REPORT_FILE = "report.md";

	static final String ACCURACY_TAG = "val_accuracy";

	static final String LOSS_TAG = "val_loss";

	private final MlflowOperations mlflow;

	private final TrainingProperties.Registry registry;

	ModelPublisher(MlflowOperations mlflow, TrainingProperties properties) {
		this.mlflow = mlflow;
		this.registry = properties.getRegistry();
	}

	/**
	 * Stores the model and the report, then registers the model when the registry is enabled.
	 * @param runId the run to store the files in
	 * @param trial the trained model and its scores
	 * @param epochs the epochs it was trained for
	 * @return what was registered, or empty when the registry is disabled
	 */
	Mono<Publication> publish(String runId, Trial trial, int epochs) {
		Mono<Void> files = this.mlflow.artifacts()
			.uploadJson(runId, MODEL_FILE, modelDocument(trial))
			.then(this.mlflow.artifacts().uploadText(runId, REPORT_FILE, report(trial, epochs)));
		if (!this.registry.isEnabled()) {
			return files.then(Mono.empty());
		}
		return files.then(register(runId, trial));
	}

	private Mono<Publication> register(String runId, Trial trial) {
		MlflowModelRegistry models = this.mlflow.modelRegistry();
		String name = this.registry.getModelName();
		String alias = this.registry.getAlias();
		Mono<Void> modelExists = models
			.createRegisteredModel(name, "Logistic regression trained by the mlflow-spring-boot-starter sample",
					Map.of("framework", "plain-java"))
			.then()
			.onErrorResume((ex) -> ex instanceof MlflowApiException api
					&& api.hasErrorCode(MlflowErrorCodes.RESOURCE_ALREADY_EXISTS), (ex) -> Mono.empty());
		Map<String, String> tags = Map.of(ACCURACY_TAG, String.valueOf(trial.accuracy()), LOSS_TAG,
				String.valueOf(trial.loss()), "learning_rate", String.valueOf(trial.learningRate()));
		return modelExists
			.then(models.createModelVersionFromRun(name, runId, MODEL_PATH,
					String.format(Locale.ROOT, "validation accuracy %.3f", trial.accuracy()), tags))
			.flatMap((version) -> models.awaitReady(name, version.version(), Duration.ofSeconds(30)))
			.flatMap((version) -> models.getModelVersionByAlias(name, alias)
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((champion) -> {
					if (champion.isPresent() && !beats(trial, champion.get())) {
						return Mono.just(new Publication(version, champion.get().version(), false));
					}
					return models.setAlias(name, alias, version.version())
						.thenReturn(new Publication(version, champion.map(ModelVersion::version).orElse(null), true));
				}));
	}

	/**
	 * Whether the trial is better than the champion: a higher validation accuracy, or the same
	 * accuracy with a lower validation loss (accuracy saturates on easy data, loss keeps falling).
	 */
	private static boolean beats(Trial trial, ModelVersion champion) {
		double accuracy = champion.tag(ACCURACY_TAG).map(Double::parseDouble).orElse(Double.NEGATIVE_INFINITY);
		double loss = champion.tag(LOSS_TAG).map(Double::parseDouble).orElse(Double.POSITIVE_INFINITY);
		return trial.accuracy() > accuracy || (trial.accuracy() == accuracy && trial.loss() < loss);
	}

	private static Map<String, Object> modelDocument(Trial trial) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("type", "logistic-regression");
		document.put("weights", trial.model().weights());
		document.put("bias", trial.model().bias());
		document.put("learning_rate", trial.learningRate());
		document.put("validation_accuracy", trial.accuracy());
		document.put("validation_log_loss", trial.loss());
		return document;
	}

	private static String report(Trial trial, int epochs) {
		return String.format(Locale.ROOT, """
				# Training report

				| | |
				|---|---|
				| model | logistic regression, full-batch gradient descent |
				| epochs | %d |
				| learning rate | %s |
				| validation accuracy | %.4f |
				| validation log loss | %.4f |

				The model itself is in `%s`: its weights and bias as JSON.
				""", epochs, trial.learningRate(), trial.accuracy(), trial.loss(), MODEL_FILE);
	}

	/**
	 * What the registry holds after publishing.
	 *
	 * @param version the new model version
	 * @param previousChampion the version that held the alias before, or {@code null}
	 * @param champion whether the new version holds the alias now
	 */
	record Publication(ModelVersion version, @Nullable String previousChampion, boolean champion) {

	}

}
