package io.github.mlflowstarter.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample training job.
 */
@ConfigurationProperties("sample")
public class TrainingProperties {

	/**
	 * Number of passes of gradient descent over the training set.
	 */
	private int epochs = 30;

	/**
	 * Pause after each epoch, to imitate a long-running job.
	 */
	private Duration epochDelay = Duration.ofMillis(50);

	/**
	 * Step size of gradient descent.
	 */
	private double learningRate = 0.5;

	/**
	 * L2 regularisation strength.
	 */
	private double l2 = 0.001;

	/**
	 * Number of generated examples, split 80/20 into training and validation sets.
	 */
	private int samples = 1000;

	/**
	 * Number of features of each example.
	 */
	private int features = 4;

	/**
	 * Seed of the data generator and the weight initialisation.
	 */
	private long seed = 42;

	private final Sweep sweep = new Sweep();

	private final Registry registry = new Registry();

	public int getEpochs() {
		return this.epochs;
	}

	public void setEpochs(int epochs) {
		this.epochs = epochs;
	}

	public Duration getEpochDelay() {
		return this.epochDelay;
	}

	public void setEpochDelay(Duration epochDelay) {
		this.epochDelay = epochDelay;
	}

	public double getLearningRate() {
		return this.learningRate;
	}

	public void setLearningRate(double learningRate) {
		this.learningRate = learningRate;
	}

	public double getL2() {
		return this.l2;
	}

	public void setL2(double l2) {
		this.l2 = l2;
	}

	public int getSamples() {
		return this.samples;
	}

	public void setSamples(int samples) {
		this.samples = samples;
	}

	public int getFeatures() {
		return this.features;
	}

	public void setFeatures(int features) {
		this.features = features;
	}

	public long getSeed() {
		return this.seed;
	}

	public void setSeed(long seed) {
		this.seed = seed;
	}

	public Sweep getSweep() {
		return this.sweep;
	}

	public Registry getRegistry() {
		return this.registry;
	}

	/**
	 * Registration of the trained model in the MLflow model registry.
	 */
	public static class Registry {

		/**
		 * Whether to register the trained model as a new version.
		 */
		private boolean enabled = true;

		/**
		 * Name of the registered model.
		 */
		private String modelName = "mlflow-spring-boot-sample-model";

		/**
		 * Alias that moves to the new version when its validation accuracy beats the version
		 * holding the alias.
		 */
		private String alias = "champion";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getModelName() {
			return this.modelName;
		}

		public void setModelName(String modelName) {
			this.modelName = modelName;
		}

		public String getAlias() {
			return this.alias;
		}

		public void setAlias(String alias) {
			this.alias = alias;
		}

	}

	/**
	 * A hyperparameter sweep: one child run per value.
	 */
	public static class Sweep {

		/**
		 * Learning rates to try, each in its own child run. When empty, the job trains once with
		 * sample.learning-rate.
		 */
		private List<Double> learningRates = new ArrayList<>();

		public List<Double> getLearningRates() {
			return this.learningRates;
		}

		public void setLearningRates(List<Double> learningRates) {
			this.learningRates = learningRates;
		}

	}

}
