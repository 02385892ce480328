package io.github.mlflowstarter.sample;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.mlflowstarter.autoconfigure.MlflowConnectionDetails;
import io.github.mlflowstarter.autoconfigure.MlflowUiLinks;
import io.github.mlflowstarter.client.MlflowOperations;
import io.github.mlflowstarter.client.MlflowRun;
import io.github.mlflowstarter.client.model.DatasetInput;
import io.github.mlflowstarter.client.model.ModelVersion;
import io.github.mlflowstarter.client.model.RunInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Trains the model and logs the training to the application's MLflow run: hyperparameters as
 * params, loss and accuracy per epoch as metrics, and a few tags. With
 * {@code sample.sweep.learning-rates} set it runs a small hyperparameter sweep instead: one child
 * run per learning rate, and the best trial tagged on the parent run.
 */
@Component
class TrainingJob implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(TrainingJob.class);

	private final MlflowOperations mlflow;

	private final MlflowConnectionDetails connection;

	private final TrainingProperties properties;

	private final ModelPublisher publisher;

	TrainingJob(MlflowOperations mlflow, MlflowConnectionDetails connection, TrainingProperties properties,
			ModelPublisher publisher) {
		this.mlflow = mlflow;
		this.connection = connection;
		this.properties = properties;
		this.publisher = publisher;
	}

	@Override
	public void run(ApplicationArguments args) {
		MlflowRun run = this.mlflow.activeRun();
		Dataset[] split = Dataset.generate(this.properties.getSamples(), this.properties.getFeatures(),
				this.properties.getSeed())
			.split(0.8);
		List<Double> sweep = this.properties.getSweep().getLearningRates();
		if (sweep.isEmpty()) {
			Trial trial = train(run, split[0], split[1], this.properties.getLearningRate());
			report(run, trial);
		}
		else {
			sweep(run, split[0], split[1], sweep);
		}
	}

	/**
	 * Trains once, logging to the given run. Log calls return at once: the starter buffers the
	 * entries and delivers them in batches in the background, retrying while the server is away.
	 */
	private Trial train(MlflowRun run, Dataset training, Dataset validation, double learningRate) {
		run.logParams(hyperparameters(learningRate));
		run.logParam("training_examples", String.valueOf(training.size()));
		run.logParam("validation_examples", String.valueOf(validation.size()));
		run.setTag("model.family", "logistic-regression");
		run.setTag("optimizer", "full-batch-gradient-descent");
		run.setTag("dataset", "synthetic-gaussian");
		run.runId().flatMap((runId) -> this.mlflow.logInputs(runId, datasetInputs())).block();

		LogisticRegression model = new LogisticRegression(training.dimensions(), this.properties.getSeed());
		double initialLoss = model.logLoss(training);
		for (int epoch = 1; epoch <= this.properties.getEpochs(); epoch++) {
			model.trainEpoch(training, learningRate, this.properties.getL2());
			double trainingLoss = model.logLoss(training);
			run.logMetric("train_loss", trainingLoss, epoch);
			run.logMetric("train_accuracy", model.accuracy(training), epoch);
			run.logMetric("val_loss", model.logLoss(validation), epoch);
			run.logMetric("val_accuracy", model.accuracy(validation), epoch);
			if (!Double.isFinite(trainingLoss) || trainingLoss > 3 * initialLoss) {
				throw new TrainingDivergedException(learningRate, epoch, trainingLoss);
			}
			pause();
		}
		Trial trial = new Trial(learningRate, model, model.accuracy(validation), model.logLoss(validation));
		run.setTag("model.weights", Arrays.toString(model.weights()));
		run.setTag("model.bias", String.valueOf(model.bias()));
		run.setTag("quality", (trial.accuracy() >= 0.8) ? "good" : "needs-work");
		// Wait until the server has everything, so the run is complete when its link is printed.
		run.flush().block();
		return trial;
	}

	private void sweep(MlflowRun parent, Dataset training, Dataset validation, List<Double> learningRates) {
		parent.setTag("sweep.learning_rates", learningRates.toString());
		List<Trial> trials = Flux.fromIterable(learningRates)
			.concatMap((learningRate) -> parent
				.inChildRun("lr=" + learningRate,
						(child) -> Mono.fromCallable(() -> train(child, training, validation, learningRate))
							.subscribeOn(Schedulers.boundedElastic()))
				.onErrorResume(TrainingDivergedException.class, (ex) -> {
					logger.warn("Trial failed, its child run ends FAILED: " + ex.getMessage());
					return Mono.empty();
				}))
			.collectList()
			.block();
		Trial best = trials.stream().max((a, b) -> Double.compare(a.accuracy(), b.accuracy())).orElse(null);
		if (best == null) {
			throw new IllegalStateException("Every trial of the sweep failed");
		}
		parent.setTag("best.learning_rate", String.valueOf(best.learningRate()));
		parent.logMetric("best_val_accuracy", best.accuracy());
		parent.flush().block();
		System.out.printf("Sweep of %d learning rates: best %s with validation accuracy %.3f%n", learningRates.size(),
				best.learningRate(), best.accuracy());
		report(parent, best);
	}

	private Map<String, String> hyperparameters(double learningRate) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("epochs", String.valueOf(this.properties.getEpochs()));
		params.put("learning_rate", String.valueOf(learningRate));
		params.put("l2", String.valueOf(this.properties.getL2()));
		params.put("samples", String.valueOf(this.properties.getSamples()));
		params.put("features", String.valueOf(this.properties.getFeatures()));
		params.put("seed", String.valueOf(this.properties.getSeed()));
		return params;
	}

	private void pause() {
		long delay = this.properties.getEpochDelay().toMillis();
		if (delay > 0) {
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Training interrupted", ex);
			}
		}
	}

	/**
	 * The generated data, described as MLflow dataset inputs: the generator's settings identify
	 * the data, so they make its digest.
	 */
	private List<DatasetInput> datasetInputs() {
		String generator = String.format(Locale.ROOT,
				"{\"generator\": \"gaussian\", \"samples\": %d, \"features\": %d, \"seed\": %d}",
				this.properties.getSamples(), this.properties.getFeatures(), this.properties.getSeed());
		String digest = String.format("%08x", generator.hashCode());
		return List.of(DatasetInput.of(mlflowDataset("synthetic-train", digest, generator), "training"),
				DatasetInput.of(mlflowDataset("synthetic-validation", digest, generator), "validation"));
	}

	private static io.github.mlflowstarter.client.model.Dataset mlflowDataset(String name, String digest,
			String generator) {
		return io.github.mlflowstarter.client.model.Dataset.of(name, digest, "code", generator);
	}

	private void report(MlflowRun run, Trial trial) {
		RunInfo info = run.getInfo();
		System.out.printf("Trained logistic regression for %d epochs: validation accuracy %.3f, loss %.4f%n",
				this.properties.getEpochs(), trial.accuracy(), trial.loss());
		if (info == null) {
			return;
		}
		ModelPublisher.Publication publication = this.publisher
			.publish(info.runId(), trial, this.properties.getEpochs())
			.block();
		System.out.println("Stored the model (" + ModelPublisher.MODEL_FILE + ") and the report ("
				+ ModelPublisher.REPORT_FILE + ") as run artifacts");
		if (publication != null) {
			System.out.println(describe(publication));
		}
		System.out.println("MLflow run id: " + info.runId());
		System.out.println("See the run in the MLflow UI: " + MlflowUiLinks.run(this.connection.getTrackingUri(), info));
	}

	private String describe(ModelPublisher.Publication publication) {
		ModelVersion version = publication.version();
		String alias = "'" + this.properties.getRegistry().getAlias() + "'";
		String registered = "Registered model '" + version.name() + "' version " + version.version() + ": ";
		if (!publication.champion()) {
			return registered + "version " + publication.previousChampion() + " keeps the alias " + alias
					+ ": it did as well or better on the validation set";
		}
		return registered + "it now holds the alias " + alias
				+ ((publication.previousChampion() != null) ? " (was version " + publication.previousChampion() + ")" : "");
	}

	static class TrainingDivergedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TrainingDivergedException(double learningRate, int epoch, double loss) {
			super("Training with learning rate " + learningRate + " diverged at epoch " + epoch + " (training loss "
					+ loss + ")");
		}

	}

}
