/**
 * Docker Compose support for MLflow: a service connection to an MLflow tracking server started by
 * Spring Boot's Docker Compose integration.
 */
@NullMarked
package io.github.mlflowstarter.docker.compose;

import org.jspecify.annotations.NullMarked;
