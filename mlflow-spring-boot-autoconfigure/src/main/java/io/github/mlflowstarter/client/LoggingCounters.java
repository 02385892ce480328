package io.github.mlflowstarter.client;

import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters behind {@link LoggingStatistics}, shared by the pipelines of one client.
 */
final class LoggingCounters {

	final LongAdder pending = new LongAdder();

	final LongAdder delivered = new LongAdder();

	final LongAdder batches = new LongAdder();

	final LongAdder retries = new LongAdder();

	final LongAdder rejected = new LongAdder();

	final LongAdder undelivered = new LongAdder();

	LoggingStatistics snapshot() {
		return new LoggingStatistics(this.pending.sum(), this.delivered.sum(), this.batches.sum(), this.retries.sum(),
				this.rejected.sum(), this.undelivered.sum());
	}

}
