package io.github.mlflowstarter.sample;

/**
 * One training of the model with one learning rate, and how well it did on the validation set.
 *
 * @param learningRate the learning rate
 * @param model the trained model
 * @param accuracy validation accuracy
 * @param loss validation log loss
 */
record Trial(double learningRate, LogisticRegression model, double accuracy, double loss) {

}
