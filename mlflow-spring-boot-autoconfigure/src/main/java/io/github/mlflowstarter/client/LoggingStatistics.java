package io.github.mlflowstarter.client;

/**
 * Counts of the logging pipeline since the client was created, over all runs.
 *
 * @param pending entries logged but not yet stored or given up
 * @param delivered entries the server stored
 * @param batches {@code log-batch} requests that succeeded
 * @param retries requests sent again after a transient failure
 * @param rejected entries the server rejected (reported, never retried)
 * @param undelivered entries given up on: retry budget spent, or still pending at shutdown
 */
public record LoggingStatistics(long pending, long delivered, long batches, long retries, long rejected,
		long undelivered) {

}
