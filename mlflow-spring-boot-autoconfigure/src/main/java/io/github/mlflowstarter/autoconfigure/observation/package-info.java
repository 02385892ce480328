/**
 * Micrometer support: an observation per MLflow call and meters of the logging pipeline, active
 * only when Micrometer is on the classpath.
 */
@NullMarked
package io.github.mlflowstarter.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
