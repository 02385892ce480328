package io.github.mlflowstarter.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link ServerVersionAssumptions}, and for {@link MlflowServer#version()} against the
 * real server.
 */
@ExtendWith(SharedMlflowServer.class)
class ServerVersionAssumptionsTests {

	@Test
	void serverReportsTheVersionOfTheVirtualenvUnderTest(MlflowServer server) {
		assertThat(server.version()).isEqualTo(MlflowVirtualenv.version());
	}

	@Test
	void testNeedingALaterServerIsSkippedWithTheReason(MlflowServer server) {
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> ServerVersionAssumptions.assumeServerAtLeast(server, "99.0", "hover boards"))
			.withMessageContaining("hover boards need MLflow 99.0 or later")
			.withMessageContaining("the server under test is MLflow " + MlflowVirtualenv.version());
	}

	@Test
	void testWithinTheServersVersionRuns(MlflowServer server) {
		assertThatNoException()
			.isThrownBy(() -> ServerVersionAssumptions.assumeServerAtLeast(server, "2.0", "experiment searches"));
	}

	@Test
	void laterMajorMinorOrPatchIsAtLeast() {
		assertThat(ServerVersionAssumptions.isAtLeast("3.17.2", "3.0")).isTrue();
		assertThat(ServerVersionAssumptions.isAtLeast("3.17.2", "3.9")).isTrue();
		assertThat(ServerVersionAssumptions.isAtLeast("3.17.2", "3.17.1")).isTrue();
	}

	@Test
	void sameVersionIsAtLeastWhateverItsLength() {
		assertThat(ServerVersionAssumptions.isAtLeast("3.0.0", "3.0")).isTrue();
		assertThat(ServerVersionAssumptions.isAtLeast("3.0", "3.0.0")).isTrue();
	}

	@Test
	void earlierVersionIsNotAtLeast() {
		assertThat(ServerVersionAssumptions.isAtLeast("2.22.5", "3.0")).isFalse();
		assertThat(ServerVersionAssumptions.isAtLeast("3.9.0", "3.17")).isFalse();
		assertThat(ServerVersionAssumptions.isAtLeast("3.17.1", "3.17.2")).isFalse();
	}

	@Test
	void suffixesAreIgnored() {
		assertThat(ServerVersionAssumptions.isAtLeast("3.0.0rc1", "3.0")).isTrue();
		assertThat(ServerVersionAssumptions.isAtLeast("2.22.5.dev0", "3.0")).isFalse();
	}

	@Test
	void textThatIsNoVersionIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ServerVersionAssumptions.isAtLeast("<html>", "3.0"))
			.withMessageContaining("not an MLflow version");
	}

}
