package io.github.mlflowstarter.client;

import java.util.ArrayList;
import java.util.List;

import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.Metric;
import io.github.mlflowstarter.client.model.Param;
import io.github.mlflowstarter.client.model.Tag;

/**
 * Splits a {@link LogBatch} into pieces that each fit in one {@code log-batch} request: at most
 * 1000 metrics, 100 params, 100 tags and 1000 entries in total, and a JSON body under the
 * server's 1 MB limit. Params and tags go first, in the order given, then metrics.
 */
final class LogBatchSplitter {

	static final int MAX_METRICS = 1000;

	static final int MAX_PARAMS = 100;

	static final int MAX_TAGS = 100;

	static final int MAX_ENTRIES = 1000;

	/** Stays well clear of the server's 1,000,000 byte limit, leaving room for the envelope. */
	static final int MAX_BODY_BYTES = 900_000;

	private static final int ENTRY_OVERHEAD_BYTES = 96;

	private LogBatchSplitter() {
	}

	static List<LogBatch> split(LogBatch batch) {
		List<LogBatch> pieces = new ArrayList<>();
		Piece piece = new Piece();
		for (Param param : batch.params()) {
			int size = jsonSize(param.key()) + jsonSize(param.value()) + ENTRY_OVERHEAD_BYTES;
			if (!piece.fitsParam(size)) {
				pieces.add(piece.build());
				piece = new Piece();
			}
			piece.params.add(param);
			piece.bytes += size;
		}
		for (Tag tag : batch.tags()) {
			int size = jsonSize(tag.key()) + jsonSize(tag.value()) + ENTRY_OVERHEAD_BYTES;
			if (!piece.fitsTag(size)) {
				pieces.add(piece.build());
				piece = new Piece();
			}
			piece.tags.add(tag);
			piece.bytes += size;
		}
		for (Metric metric : batch.metrics()) {
			int size = jsonSize(metric.key()) + ENTRY_OVERHEAD_BYTES;
			if (!piece.fitsMetric(size)) {
				pieces.add(piece.build());
				piece = new Piece();
			}
			piece.metrics.add(metric);
			piece.bytes += size;
		}
		if (piece.entries() > 0) {
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

		final List<Metric> metrics = new ArrayList<>();

		final List<Param> params = new ArrayList<>();

		final List<Tag> tags = new ArrayList<>();

		int bytes;

		int entries() {
			return this.metrics.size() + this.params.size() + this.tags.size();
		}

		boolean fits(int size) {
			return entries() == 0 || (entries() < MAX_ENTRIES && this.bytes + size <= MAX_BODY_BYTES);
		}

		boolean fitsParam(int size) {
			return this.params.size() < MAX_PARAMS && fits(size);
		}

		boolean fitsTag(int size) {
			return this.tags.size() < MAX_TAGS && fits(size);
		}

		boolean fitsMetric(int size) {
			return this.metrics.size() < MAX_METRICS && fits(size);
		}

		LogBatch build() {
			return new LogBatch(this.metrics, this.params, this.tags);
		}

	}

}
