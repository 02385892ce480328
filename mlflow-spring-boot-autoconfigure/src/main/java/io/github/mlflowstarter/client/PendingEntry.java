package io.github.mlflowstarter.client;

import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.Tag;

/**
 * One logged metric point, param or tag waiting in a run's buffer, numbered in logging order.
 *
 * @param sequence position in the run's logging order, from 1
 * @param item a {@link Metric}, {@link Param} or {@link Tag}
 * @param bytes estimated size in a request body
 */
record PendingEntry(long sequence, Object item, int bytes) {

	private static final int ENTRY_OVERHEAD_BYTES = 96;

	static PendingEntry of(long sequence, Object item) {
		int bytes = ENTRY_OVERHEAD_BYTES;
		if (item instanceof Metric metric) {
			bytes += LogBatchSplitter.jsonSize(metric.key());
		}
		else if (item instanceof Param param) {
			bytes += LogBatchSplitter.jsonSize(param.key()) + LogBatchSplitter.jsonSize(param.value());
		}
		else if (item instanceof Tag tag) {
			bytes += LogBatchSplitter.jsonSize(tag.key()) + LogBatchSplitter.jsonSize(tag.value());
		}
		return new PendingEntry(sequence, item, bytes);
	}

	String describe() {
		if (this.item instanceof Metric metric) {
			return "metric '" + metric.key() + "' (step " + metric.step() + ", value " + metric.value() + ")";
		}
		if (this.item instanceof Param param) {
			return "param '" + param.key() + "'";
		}
		return "tag '" + ((Tag) this.item).key() + "'";
	}

}
