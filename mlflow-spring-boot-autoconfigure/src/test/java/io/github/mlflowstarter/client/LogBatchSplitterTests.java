package io.github.mlflowstarter.client;

import java.util.List;
import java.util.stream.IntStream;

import io.github.mlflowstarter.client.model.LogBatch;
import io.github.mlflowstarter.client.model.Metric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LogBatchSplitter}.
 */
class LogBatchSplitterTests {

	@Test
	void smallBatchStaysWhole() {
		LogBatch batch = LogBatch.builder().metric("m", 1, 0).param("p", "1").tag("t", "x").build();
		assertThat(LogBatchSplitter.split(batch)).containsExactly(batch);
	}

	@Test
	void emptyBatchNeedsNoRequest() {
		assertThat(LogBatchSplitter.split(LogBatch.builder().build())).isEmpty();
	}

	@Test
	void piecesRespectEveryCountLimitAndKeepTheOrder() {
		LogBatch.Builder builder = LogBatch.builder();
		IntStream.range(0, 2345).forEach((i) -> builder.metric("m", i, i));
		IntStream.range(0, 250).forEach((i) -> builder.param("p" + i, "v"));
		IntStream.range(0, 130).forEach((i) -> builder.tag("t" + i, "v"));
		List<LogBatch> pieces = LogBatchSplitter.split(builder.build());
		for (LogBatch piece : pieces) {
			assertThat(piece.metrics()).hasSizeLessThanOrEqualTo(1000);
			assertThat(piece.params()).hasSizeLessThanOrEqualTo(100);
			assertThat(piece.tags()).hasSizeLessThanOrEqualTo(100);
			assertThat(piece.size()).isLessThanOrEqualTo(1000);
		}
		assertThat(pieces.stream().flatMap((piece) -> piece.metrics().stream()).map(Metric::step))
			.containsExactlyElementsOf(IntStream.range(0, 2345).mapToObj(Long::valueOf).toList());
		assertThat(pieces.stream().mapToInt((piece) -> piece.params().size()).sum()).isEqualTo(250);
		assertThat(pieces.stream().mapToInt((piece) -> piece.tags().size()).sum()).isEqualTo(130);
	}

	@Test
	void longValuesAreSplitByBodySize() {
		LogBatch.Builder builder = LogBatch.builder();
		IntStream.range(0, 100).forEach((i) -> builder.tag("t" + i, "\u00e9".repeat(8000)));
		List<LogBatch> pieces = LogBatchSplitter.split(builder.build());
		assertThat(pieces).hasSizeGreaterThan(1);
		for (LogBatch piece : pieces) {
			int bytes = piece.tags().stream().mapToInt((tag) -> LogBatchSplitter.jsonSize(tag.value())).sum();
			assertThat(bytes).isLessThan(LogBatchSplitter.MAX_BODY_BYTES);
		}
	}

	@Test
	void jsonSizeCountsUtf8BytesAndEscapes() {
		assertThat(LogBatchSplitter.jsonSize("abc")).isEqualTo(5);
		assertThat(LogBatchSplitter.jsonSize("a\"b")).isEqualTo(6);
		assertThat(LogBatchSplitter.jsonSize("\u00e9")).isEqualTo(4);
		assertThat(LogBatchSplitter.jsonSize("\u20ac")).isEqualTo(5);
		assertThat(LogBatchSplitter.jsonSize("\ud83d\ude00")).isEqualTo(6);
		assertThat(LogBatchSplitter.jsonSize("\n")).isEqualTo(8);
	}

}
