/**
 * A reactive MLflow tracking client that needs no Spring Boot: {@link
 * io.github.mlflowstarter.client.MlflowOperations} and its implementation over Spring WebFlux's
 * {@code WebClient}, the errors it raises, and {@link io.github.mlflowstarter.client.MlflowRun},
 * a handle that logs to one run without passing its id around.
 */
@NullMarked
package io.github.mlflowstarter.client;

import org.jspecify.annotations.NullMarked;
