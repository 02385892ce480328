/**
 * Actuator health of the MLflow tracking server, active only when Spring Boot's health module is
 * on the classpath.
 */
@NullMarked
package io.github.mlflowstarter.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
