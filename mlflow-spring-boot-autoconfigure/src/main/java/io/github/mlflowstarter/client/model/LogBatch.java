package io.github.mlflowstarter.client.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Metrics, params and tags to log to a run in one call. The client splits a batch into as many
 * requests as the server limits need, in order.
 *
 * @param metrics the metric points
 * @param params the params
 * @param tags the tags
 */
public record LogBatch(List<Metric> metrics, List<Param> params, List<Tag> tags) {

	public LogBatch {
		metrics = List.copyOf(metrics);
		params = List.copyOf(params);
		tags = List.copyOf(tags);
	}

	/**
	 * Starts building a batch.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Whether the batch holds nothing.
	 * @return {@code true} if there are no metrics, params or tags
	 */
	public boolean isEmpty() {
		return metrics.isEmpty() && params.isEmpty() && tags.isEmpty();
	}

	/**
	 * Number of entries (metrics, params and tags) in the batch.
	 * @return the entry count
	 */
	public int size() {
		return metrics.size() + params.size() + tags.size();
	}

	/**
	 * Collects the entries of a {@link LogBatch}.
	 */
	public static final class Builder {

		private final List<Metric> metrics = new ArrayList<>();

		private final List<Param> params = new ArrayList<>();

		private final List<Tag> tags = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Adds a metric point.
		 * @param metric the metric point
		 * @return this builder
		 */
		public Builder metric(Metric metric) {
			this.metrics.add(metric);
			return this;
		}

		/**
		 * Adds a metric point stamped with the current time.
		 * @param key the metric key
		 * @param value the value
		 * @param step the step
		 * @return this builder
		 */
		public Builder metric(String key, double value, long step) {
			return metric(Metric.of(key, value, step));
		}

		/**
		 * Adds a param.
		 * @param key the param key
		 * @param value the param value
		 * @return this builder
		 */
		public Builder param(String key, String value) {
			this.params.add(Param.of(key, value));
			return this;
		}

		/**
		 * Adds params.
		 * @param params the params keyed by param key
		 * @return this builder
		 */
		public Builder params(Map<String, String> params) {
			params.forEach(this::param);
			return this;
		}

		/**
		 * Adds a tag.
		 * @param key the tag key
		 * @param value the tag value
		 * @return this builder
		 */
		public Builder tag(String key, String value) {
			this.tags.add(Tag.of(key, value));
			return this;
		}

		/**
		 * Adds tags.
		 * @param tags the tags keyed by tag key
		 * @return this builder
		 */
		public Builder tags(Map<String, String> tags) {
			tags.forEach(this::tag);
			return this;
		}

		/**
		 * Builds the batch.
		 * @return the batch
		 */
		public LogBatch build() {
			return new LogBatch(this.metrics, this.params, this.tags);
		}

	}

}
