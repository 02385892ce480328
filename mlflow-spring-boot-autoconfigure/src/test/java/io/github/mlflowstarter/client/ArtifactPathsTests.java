package io.github.mlflowstarter.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ArtifactPaths}.
 */
class ArtifactPathsTests {

	@ParameterizedTest
	@ValueSource(strings = { "a%41b.txt", "%2e%2e/x", "a%2Fb", "dir/%20lead.txt" })
	void percentEscapesAreRefusedBecauseTheServerDecodesThem(String path) {
		assertThatExceptionOfType(MlflowValidationException.class).isThrownBy(() -> ArtifactPaths.checkFile(path))
			.withMessageContaining("percent-escape")
			.withMessageContaining("another name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "100%.txt", "a%zz.txt", "end%", "end%4" })
	void aPercentSignThatIsNoEscapeIsFine(String path) {
		assertThat(ArtifactPaths.checkFile(path)).isEqualTo(path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a//b.txt", "a/./b.txt", ".", "./a.txt" })
	void emptyAndDotSegmentsAreRefused(String path) {
		assertThatExceptionOfType(MlflowValidationException.class).isThrownBy(() -> ArtifactPaths.checkFile(path))
			.withMessageContaining("'.' segments");
	}

	@Test
	void fileUriIsRefused() {
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> ArtifactPaths.checkFile("FILE:/etc/passwd"))
			.withMessageContaining("not a file: URI");
	}

	@Test
	void nameLongerThan255BytesIsRefused() {
		assertThat(ArtifactPaths.checkFile("d/" + "f".repeat(255))).endsWith("f");
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> ArtifactPaths.checkFile("d/" + "\u00e9".repeat(128)))
			.withMessageContaining("256 bytes")
			.withMessageContaining("at most 255");
	}

	@Test
	void unpairedSurrogateIsRefused() {
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> ArtifactPaths.checkFile("a\uD800.txt"))
			.withMessageContaining("'a\\ud800.txt'")
			.withMessageContaining("unpaired surrogates");
	}

	@Test
	void fileEndingInASlashNamesTheRule() {
		assertThatExceptionOfType(MlflowValidationException.class).isThrownBy(() -> ArtifactPaths.checkFile("dir/"))
			.withMessageContaining("must name a file");
	}

	@Test
	void directoryLosesTrailingSlashesAndIsCheckedLikeAFile() {
		assertThat(ArtifactPaths.checkDirectory("a/b//")).isEqualTo("a/b");
		assertThat(ArtifactPaths.checkDirectory("/")).isNull();
		assertThat(ArtifactPaths.checkDirectory("")).isNull();
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> ArtifactPaths.checkDirectory("a//b"))
			.withMessageContaining("'//'");
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> ArtifactPaths.checkDirectory("a%2F..%2F.."))
			.withMessageContaining("percent-escape");
	}

	@Test
	void unicodeQueryLikeAndHiddenNamesAreFine() {
		assertThat(ArtifactPaths.checkFile("日本語/データ.txt")).isEqualTo("日本語/データ.txt");
		assertThat(ArtifactPaths.checkFile("what?a=1&b=2;c.txt")).isEqualTo("what?a=1&b=2;c.txt");
		assertThat(ArtifactPaths.checkFile("a/b/.hidden")).isEqualTo("a/b/.hidden");
	}

}
