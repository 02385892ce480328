package io.github.mlflowstarter.client;

import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.Tag;

/**
 * One logged metric point, param or tag waiting in a run's buffer, numbered in logging order.
 *
 * @param sequence position in the run's logging order, from 1
 * @param item a {@link Metric}, {@link Param} or {@link Tag}
 */
record PendingEntry(long sequence, Object item) {

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
