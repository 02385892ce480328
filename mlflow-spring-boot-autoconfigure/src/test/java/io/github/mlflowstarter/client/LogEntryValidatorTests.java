package io.github.mlflowstarter.client;

import io.github.mlflowstarter.client.model.Metric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link LogEntryValidator}.
 */
class LogEntryValidatorTests {

	private static final String EMOJI = "\uD83D\uDE80";

	private static final String SUPPLEMENTARY_IDEOGRAPH = "\uD840\uDC00";

	@Test
	void valueLengthIsCountedInCodePointsLikeTheServerDoes() {
		assertThatNoException().isThrownBy(() -> LogEntryValidator.checkParam("p", EMOJI.repeat(6000)));
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkParam("p", EMOJI.repeat(6001)))
			.withMessageContaining("6001 characters")
			.withMessageContaining("at most 6000");
		assertThatNoException().isThrownBy(() -> LogEntryValidator.checkTag("t", EMOJI.repeat(8000)));
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkTag("t", EMOJI.repeat(8001)))
			.withMessageContaining("8001 characters");
	}

	@Test
	void keyLengthIsCountedInCodePoints() {
		assertThatNoException().isThrownBy(() -> LogEntryValidator.checkKey("Param", SUPPLEMENTARY_IDEOGRAPH.repeat(250)));
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkKey("Param", SUPPLEMENTARY_IDEOGRAPH.repeat(251)))
			.withMessageContaining("251 characters")
			.withMessageContaining("at most 250");
	}

	@Test
	void valueWithAnUnpairedSurrogateIsRefused() {
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkParam("p", "a\uD800b"))
			.withMessageContaining("'p'")
			.withMessageContaining("unpaired surrogate")
			.withMessageContaining("position 1");
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkTag("t", "\uDC00" + EMOJI))
			.withMessageContaining("unpaired surrogate");
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkTag("t", EMOJI + "\uD83D"))
			.withMessageContaining("unpaired surrogate");
		assertThatNoException().isThrownBy(() -> LogEntryValidator.checkTag("t", "\uD83D\uDC69\u200D\uD83D\uDCBB"));
	}

	@Test
	void invisibleAndControlCharactersInKeysAreNamedByCodePoint() {
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkKey("Metric", "a\u0000b"))
			.withMessageContaining("'a\\u0000b'")
			.withMessageContaining("contains U+0000 at position 1")
			.withMessageNotContaining("\u0000");
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkKey("Tag", "a\u200db"))
			.withMessageContaining("U+200D");
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkKey("Tag", "loss" + EMOJI))
			.withMessageContaining("'" + EMOJI + "' (U+1F680)");
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkKey("Param", "key\n"))
			.withMessageContaining("U+000A");
	}

	@Test
	void overLongKeyIsShownShortenedWithoutSplittingACharacter() {
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkKey("Param", EMOJI.repeat(300)))
			.withMessageContaining("'" + EMOJI.repeat(40) + "...'")
			.withMessageContaining("300 characters");
	}

	@Test
	void nullMetricIsRefused() {
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkMetric(null))
			.withMessage("Metric must not be null");
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> LogEntryValidator.checkMetric(new Metric("m", 1, -1, 0)))
			.withMessageContaining("timestamp -1");
	}

}
