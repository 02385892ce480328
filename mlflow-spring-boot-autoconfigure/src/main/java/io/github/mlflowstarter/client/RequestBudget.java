package io.github.mlflowstarter.client;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.Tag;

/**
 * What one {@code log-batch} request can still take: at most 1000 metrics, 100 params, 100 tags
 * and 1000 entries, and a body under the size limit. A param whose key is already in the request
 * with another value does not fit (the server refuses duplicate keys, and the values must reach
 * it in logging order); with the same value it fits and is sent once. Shared by the explicit
 * batch API and the logging pipeline.
 */
final class RequestBudget {

	private static final int ENTRY_OVERHEAD_BYTES = 96;

	private final Map<String, String> params = new HashMap<>();

	private int metrics;

	private int tags;

	private int entries;

	private int bytes;

	/**
	 * Counts the item in if it fits.
	 * @param item a {@link Metric}, {@link Param} or {@link Tag}
	 * @return whether it fits; an empty request takes any single item
	 */
	boolean tryAdd(Object item) {
		int size = entrySize(item);
		if (this.entries > 0
				&& (this.entries == LogBatchSplitter.MAX_ENTRIES || this.bytes + size > LogBatchSplitter.MAX_BODY_BYTES)) {
			return false;
		}
		if (item instanceof Metric) {
			if (this.metrics == LogBatchSplitter.MAX_METRICS) {
				return false;
			}
			this.metrics++;
		}
		else if (item instanceof Param param) {
			String earlier = this.params.get(param.key());
			if (earlier == null && this.params.size() == LogBatchSplitter.MAX_PARAMS) {
				return false;
			}
			if (earlier != null && !Objects.equals(earlier, param.value())) {
				return false;
			}
			this.params.put(param.key(), param.value());
		}
		else {
			if (this.tags == LogBatchSplitter.MAX_TAGS) {
				return false;
			}
			this.tags++;
		}
		this.entries++;
		this.bytes += size;
		return true;
	}

	boolean isEmpty() {
		return this.entries == 0;
	}

	private static int entrySize(Object item) {
		if (item instanceof Metric metric) {
			return ENTRY_OVERHEAD_BYTES + LogBatchSplitter.jsonSize(metric.key());
		}
		if (item instanceof Param param) {
			return ENTRY_OVERHEAD_BYTES + LogBatchSplitter.jsonSize(param.key())
					+ LogBatchSplitter.jsonSize(param.value());
		}
		Tag tag = (Tag) item;
		return ENTRY_OVERHEAD_BYTES + LogBatchSplitter.jsonSize(tag.key()) + LogBatchSplitter.jsonSize(tag.value());
	}

}
