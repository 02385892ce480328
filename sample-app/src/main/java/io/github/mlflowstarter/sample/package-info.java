/**
 * Sample application: trains a logistic regression by gradient descent and logs the training to
 * MLflow through the starter's {@code MlflowOperations} bean.
 */
@NullMarked
package io.github.mlflowstarter.sample;

import org.jspecify.annotations.NullMarked;
