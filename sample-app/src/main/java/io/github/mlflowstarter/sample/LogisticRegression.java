package io.github.mlflowstarter.sample;

import java.util.Random;

/**
 * Binary logistic regression trained by full-batch gradient descent with L2 regularisation.
 */
final class LogisticRegression {

	private final double[] weights;

	private double bias;

	LogisticRegression(int dimensions, long seed) {
		Random random = new Random(seed);
		this.weights = new double[dimensions];
		for (int j = 0; j < dimensions; j++) {
			this.weights[j] = random.nextGaussian() * 0.01;
		}
	}

	static double sigmoid(double z) {
		return 1.0 / (1.0 + Math.exp(-z));
	}

	double predictProbability(double[] row) {
		double z = this.bias;
		for (int j = 0; j < this.weights.length; j++) {
			z += this.weights[j] * row[j];
		}
		return sigmoid(z);
	}

	/**
	 * One pass of gradient descent over the whole data set.
	 * @param data the training set
	 * @param learningRate the step size
	 * @param l2 the regularisation strength
	 */
	void trainEpoch(Dataset data, double learningRate, double l2) {
		double[] gradient = new double[this.weights.length];
		double biasGradient = 0;
		for (int i = 0; i < data.size(); i++) {
			double error = predictProbability(data.features()[i]) - data.labels()[i];
			for (int j = 0; j < this.weights.length; j++) {
				gradient[j] += error * data.features()[i][j];
			}
			biasGradient += error;
		}
		for (int j = 0; j < this.weights.length; j++) {
			this.weights[j] -= learningRate * (gradient[j] / data.size() + l2 * this.weights[j]);
		}
		this.bias -= learningRate * biasGradient / data.size();
	}

	/**
	 * Mean binary cross-entropy.
	 * @param data the data set
	 * @return the loss
	 */
	double logLoss(Dataset data) {
		double total = 0;
		for (int i = 0; i < data.size(); i++) {
			double p = Math.min(Math.max(predictProbability(data.features()[i]), 1e-12), 1 - 1e-12);
			total += (data.labels()[i] == 1) ? -Math.log(p) : -Math.log(1 - p);
		}
		return total / data.size();
	}

	/**
	 * Share of examples classified correctly at threshold 0.5.
	 * @param data the data set
	 * @return the accuracy
	 */
	double accuracy(Dataset data) {
		int correct = 0;
		for (int i = 0; i < data.size(); i++) {
			int predicted = (predictProbability(data.features()[i]) >= 0.5) ? 1 : 0;
			if (predicted == data.labels()[i]) {
				correct++;
			}
		}
		return (double) correct / data.size();
	}

	double[] weights() {
		return this.weights.clone();
	}

	double bias() {
		return this.bias;
	}

}
