package io.github.mlflowstarter.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's model really learns.
 */
class LogisticRegressionTests {

	@Test
	void gradientDescentLowersTheLossAndBeatsTheMajorityClass() {
		Dataset[] split = Dataset.generate(1000, 4, 7).split(0.8);
		LogisticRegression model = new LogisticRegression(4, 7);
		double initialLoss = model.logLoss(split[0]);
		for (int epoch = 0; epoch < 50; epoch++) {
			model.trainEpoch(split[0], 0.5, 0.001);
		}
		assertThat(model.logLoss(split[0])).isLessThan(initialLoss * 0.8);
		double majority = Math.max(split[1].positiveShare(), 1 - split[1].positiveShare());
		assertThat(model.accuracy(split[1])).isGreaterThan(majority + 0.1);
	}

	@Test
	void generatedDataIsReproducibleFromTheSeed() {
		Dataset first = Dataset.generate(100, 3, 99);
		Dataset second = Dataset.generate(100, 3, 99);
		assertThat(first.labels()).containsExactly(second.labels());
		assertThat(first.features()[17]).containsExactly(second.features()[17]);
		assertThat(first.split(0.8)[0].size()).isEqualTo(80);
	}

}
