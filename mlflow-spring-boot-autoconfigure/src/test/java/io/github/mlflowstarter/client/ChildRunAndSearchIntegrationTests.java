package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.mlflowstarter.client.model.Run;
import io.github.mlflowstarter.client.model.RunSearch;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.client.model.RunStatus;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoped child runs and run search against a real MLflow server.
 */
@ExtendWith(SharedMlflowServer.class)
class ChildRunAndSearchIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private MlflowTemplate mlflow;

	private MlflowRun parent;

	@BeforeEach
	void setUp(MlflowServer server) {
		this.mlflow = MlflowTemplate.builder(server.uri())
			.activeRun("children-" + UUID.randomUUID(), RunSpec.named("parent"))
			.build();
		this.parent = this.mlflow.activeRun();
	}

	@Test
	void childRunThatCompletesEndsFinishedWithItsDataAndParentTag() {
		String childId = this.parent.inChildRun("trial-1", (child) -> {
			child.logParam("lr", "0.1");
			child.logMetric("loss", 0.25, 3);
			return Mono.just(child.getRunId());
		}).block(TIMEOUT);
		Run child = this.mlflow.getRun(childId).block(TIMEOUT);
		assertThat(child.info().status()).isEqualTo(RunStatus.FINISHED);
		assertThat(child.info().runName()).isEqualTo("trial-1");
		assertThat(child.data().tagMap()).containsEntry(SystemTags.PARENT_RUN_ID, this.parent.getRunId());
		assertThat(child.data().paramMap()).containsEntry("lr", "0.1");
		assertThat(child.data().latestMetricValues()).containsEntry("loss", 0.25);
		assertThat(child.info().experimentId()).isEqualTo(this.parent.getInfo().experimentId());
	}

	@Test
	void childRunThatFailsEndsFailedAndTheErrorReachesTheCaller() {
		IllegalStateException failure = new IllegalStateException("diverged");
		String[] childId = new String[1];
		StepVerifier.create(this.parent.inChildRun("trial-2", (child) -> {
			childId[0] = child.getRunId();
			return Mono.error(failure);
		})).verifyErrorSatisfies((error) -> assertThat(error).isSameAs(failure));
		assertThat(this.mlflow.getRun(childId[0]).block(TIMEOUT).info().status()).isEqualTo(RunStatus.FAILED);
	}

	@Test
	void searchRunsFollowsPagesAndFindsChildrenByParentTag() {
		List<String> children = reactor.core.publisher.Flux.range(0, 7)
			.concatMap((i) -> this.parent.inChildRun("trial-" + i, (child) -> Mono.just(child.getRunId())))
			.collectList()
			.block(TIMEOUT);
		String experimentId = this.parent.getInfo().experimentId();
		List<String> found = this.mlflow
			.searchRuns(RunSearch.in(experimentId)
				.withFilter("tags.mlflow.parentRunId = '" + this.parent.getRunId() + "'")
				.withOrderBy("attributes.run_name ASC")
				.withPageSize(3))
			.map(Run::runId)
			.collectList()
			.block(TIMEOUT);
		assertThat(found).containsExactlyInAnyOrderElementsOf(children);
		List<String> names = this.mlflow.searchRuns(RunSearch.in(experimentId).withPageSize(2))
			.map((run) -> run.info().runName())
			.collectList()
			.block(TIMEOUT);
		assertThat(names).hasSize(8).contains("parent", "trial-0", "trial-6");
	}

}
