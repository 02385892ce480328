package io.github.mlflowstarter.sample;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.mlflowstarter.autoconfigure.MlflowConnectionDetails;
import io.github.mlflowstarter.autoconfigure.MlflowUiLinks;
import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.MlflowRun;
import io.github.mlflowstarter.client.model.RunInfo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Trains the model and logs the training to the application's MLflow run: hyperparameters as
 * params, loss and accuracy per epoch as metrics, and a few tags.
 */
@Component
class TrainingJob implements ApplicationRunner {

	private final MlflowOperations mlflow;

	private final MlflowConnectionDetails connection;

	private final TrainingProperties properties;

	TrainingJob(MlflowOperations mlflow, MlflowConnectionDetails connection, TrainingProperties properties) {
		this.mlflow = mlflow;
		this.connection = connection;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		MlflowRun run = this.mlflow.activeRun();
		Dataset[] split = Dataset.generate(this.properties.getSamples(), this.properties.getFeatures(),
				this.properties.getSeed())
			.split(0.8);
		Dataset training = split[0];
		Dataset validation = split[1];
		// Log calls return at once: the starter buffers the entries and delivers them in batches in
		// the background, retrying while the server is away. The returned Monos only report the outcome.
		run.logParams(hyperparameters());
		run.logParam("training_examples", String.valueOf(training.size()));
		run.logParam("validation_examples", String.valueOf(validation.size()));
		run.setTag("model.family", "logistic-regression");
		run.setTag("optimizer", "full-batch-gradient-descent");
		run.setTag("dataset", "synthetic-gaussian");

		LogisticRegression model = new LogisticRegression(training.dimensions(), this.properties.getSeed());
		long delay = this.properties.getEpochDelay().toMillis();
		for (int epoch = 1; epoch <= this.properties.getEpochs(); epoch++) {
			model.trainEpoch(training, this.properties.getLearningRate(), this.properties.getL2());
			run.logMetric("train_loss", model.logLoss(training), epoch);
			run.logMetric("train_accuracy", model.accuracy(training), epoch);
			run.logMetric("val_loss", model.logLoss(validation), epoch);
			run.logMetric("val_accuracy", model.accuracy(validation), epoch);
			if (delay > 0) {
				Thread.sleep(delay);
			}
		}
		double accuracy = model.accuracy(validation);
		run.setTag("model.weights", Arrays.toString(model.weights()));
		run.setTag("model.bias", String.valueOf(model.bias()));
		run.setTag("quality", (accuracy >= 0.8) ? "good" : "needs-work");
		// Wait until the server has everything, so the run is complete when the link is printed.
		run.flush().block();
		report(run, model, validation);
	}

	private Map<String, String> hyperparameters() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("epochs", String.valueOf(this.properties.getEpochs()));
		params.put("learning_rate", String.valueOf(this.properties.getLearningRate()));
		params.put("l2", String.valueOf(this.properties.getL2()));
		params.put("samples", String.valueOf(this.properties.getSamples()));
		params.put("features", String.valueOf(this.properties.getFeatures()));
		params.put("seed", String.valueOf(this.properties.getSeed()));
		return params;
	}

	private void report(MlflowRun run, LogisticRegression model, Dataset validation) {
		RunInfo info = run.getInfo();
		System.out.printf("Trained logistic regression for %d epochs: validation accuracy %.3f, loss %.4f%n",
				this.properties.getEpochs(), model.accuracy(validation), model.logLoss(validation));
		if (info != null) {
			System.out.println("MLflow run id: " + info.runId());
			System.out.println("See the run in the MLflow UI: " + MlflowUiLinks.run(this.connection.getTrackingUri(), info));
		}
	}

}
