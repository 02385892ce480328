/**
 * Spring Boot auto-configuration of the MLflow client: properties, connection details, the
 * {@code MlflowOperations} bean and the lifecycle of the run the application logs to.
 */
@NullMarked
package io.github.mlflowstarter.autoconfigure;

import org.jspecify.annotations.NullMarked;
