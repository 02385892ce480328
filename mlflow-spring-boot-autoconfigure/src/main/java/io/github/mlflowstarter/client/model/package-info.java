/**
 * Data types of the MLflow REST API: records with explicit snake_case JSON names that ignore
 * unknown fields, so newer servers can add fields without breaking the client.
 */
@NullMarked
package io.github.mlflowstarter.client.model;

import org.jspecify.annotations.NullMarked;
