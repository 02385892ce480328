/**
 * Testcontainers support for MLflow: {@link io.github.mlflowstarter.testcontainers.MlflowContainer}
 * and the {@code @ServiceConnection} factory that turns an MLflow container into
 * {@link io.github.mlflowstarter.autoconfigure.MlflowConnectionDetails}.
 */
@NullMarked
package io.github.mlflowstarter.testcontainers;

import org.jspecify.annotations.NullMarked;
