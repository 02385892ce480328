package io.github.mlflowstarter.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.Tag;

/**
 * Splits a {@link LogBatch} into pieces that each fit in one {@code log-batch} request: at most
 * 1000 metrics, 100 params, 100 tags and 1000 entries in total, and a JSON body under the
 * server's 1 MB limit (see {@link RequestBudget}). Params and tags go first, in the order given,
 * then metrics; a param repeated with the same value is sent once.
 */
final class LogBatchSplitter {

	static final int MAX_METRICS = 1000;

	static final int MAX_PARAMS = 100;

	static final int MAX_TAGS = 100;

	static final int MAX_ENTRIES = 1000;

	/** Stays well clear of the server's 1,000,000 byte limit, leaving room for the envelope. */
	static final int MAX_BODY_BYTES = 900_000;

	private LogBatchSplitter() {
	}

	static List<LogBatch> split(LogBatch batch) {
		List<Object> items = new ArrayList<>(batch.size());
		items.addAll(batch.params());
		items.addAll(batch.tags());
		items.addAll(batch.metrics());
		List<LogBatch> pieces = new ArrayList<>();
		RequestBudget budget = new RequestBudget();
		Piece piece = new Piece();
		for (Object item : items) {
			if (!budget.tryAdd(item)) {
				pieces.add(piece.build());
				budget = new RequestBudget();
				budget.tryAdd(item);
				piece = new Piece();
			}
			piece.add(item);
		}
		if (!budget.isEmpty()) {
			pieces.add(piece.build());
		}
		return pieces;
	}

	/**
	 * Bytes a string takes as a JSON string literal in UTF-8, quotes included.
	 */
	static int jsonSize(String text) {
		if (text == null) {
			return 4;
		}
		int bytes = 2;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				bytes += 2;
			}
			else if (c < 0x20) {
				bytes += 6;
			}
			else if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800 || Character.isSurrogate(c)) {
				bytes += 2;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	private static final class Piece {

		private final List<Metric> metrics = new ArrayList<>();

		private final Map<String, Param> params = new LinkedHashMap<>();

		private final List<Tag> tags = new ArrayList<>();

		void add(Object item) {
			if (item instanceof Metric metric) {
				this.metrics.add(metric);
			}
			else if (item instanceof Param param) {
				this.params.putIfAbsent(param.key(), param);
			}
			else {
				this.tags.add((Tag) item);
			}
		}

		LogBatch build() {
			return new LogBatch(this.metrics, new ArrayList<>(this.params.values()), this.tags);
		}

	}

}
