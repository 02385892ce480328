package io.github.mlflowstarter.sample;

import java.util.Random;

/**
 * A labelled data set: one row of features per example and a 0/1 label.
 *
 * @param features the feature rows
 * @param labels the labels, 0 or 1
 */
record Dataset(double[][] features, int[] labels) {

	int size() {
		return this.labels.length;
	}

	int dimensions() {
		return (this.features.length > 0) ? this.features[0].length : 0;
	}

	double positiveShare() {
		int positives = 0;
		for (int label : this.labels) {
			positives += label;
		}
		return (size() > 0) ? (double) positives / size() : 0;
	}

	/**
	 * Generates a binary classification problem that a linear model can learn, but not perfectly:
	 * the label is drawn from a logistic model over Gaussian features with a hidden weight vector.
	 * @param samples number of examples
	 * @param dimensions number of features
	 * @param seed random seed
	 * @return the data set
	 */
	static Dataset generate(int samples, int dimensions, long seed) {
		Random random = new Random(seed);
		double[] hiddenWeights = new double[dimensions];
		for (int j = 0; j < dimensions; j++) {
			hiddenWeights[j] = random.nextGaussian() * 2;
		}
		double[][] features = new double[samples][dimensions];
		int[] labels = new int[samples];
		for (int i = 0; i < samples; i++) {
			double score = 0.5;
			for (int j = 0; j < dimensions; j++) {
				features[i][j] = random.nextGaussian();
				score += hiddenWeights[j] * features[i][j];
			}
			labels[i] = (random.nextDouble() < LogisticRegression.sigmoid(score)) ? 1 : 0;
		}
		return new Dataset(features, labels);
	}

	/**
	 * Splits off the first part for training and the rest for validation.
	 * @param trainingShare share of examples used for training
	 * @return the training set and the validation set
	 */
	Dataset[] split(double trainingShare) {
		int cut = (int) Math.round(size() * trainingShare);
		return new Dataset[] { slice(0, cut), slice(cut, size()) };
	}

	private Dataset slice(int from, int to) {
		double[][] rows = new double[to - from][];
		int[] slicedLabels = new int[to - from];
		System.arraycopy(this.features, from, rows, 0, to - from);
		System.arraycopy(this.labels, from, slicedLabels, 0, to - from);
		return new Dataset(rows, slicedLabels);
	}

}
