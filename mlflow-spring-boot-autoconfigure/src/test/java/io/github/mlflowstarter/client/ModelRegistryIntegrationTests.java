package io.github.mlflowstarter.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.mlflowstarter.client.model.ModelVersion;
import io.github.mlflowstarter.client.model.ModelVersionSearch;
import io.github.mlflowstarter.client.model.ModelVersionSpec;
import io.github.mlflowstarter.client.model.ModelVersionStage;
import io.github.mlflowstarter.client.model.ModelVersionStatus;
import io.github.mlflowstarter.client.model.RegisteredModel;
import io.github.mlflowstarter.client.model.RegisteredModelAlias;
import io.github.mlflowstarter.client.model.RegisteredModelSearch;
import io.github.mlflowstarter.client.model.RunInfo;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.github.mlflowstarter.testsupport.ServerVersionAssumptions.assumeServerAtLeast;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MlflowModelRegistry} against a real MLflow server: at least one test per endpoint of
 * the model registry's REST API. Every test uses model names of its own, as the server is shared.
 */
@ExtendWith(SharedMlflowServer.class)
class ModelRegistryIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final AtomicInteger searchRequests = new AtomicInteger();

	private MlflowTemplate mlflow;

	private MlflowModelRegistry registry;

	private RunInfo run;

	private String prefix;

	@BeforeEach
	void setUp(MlflowServer server) {
		this.prefix = "registry-it-" + UUID.randomUUID() + "-";
		this.mlflow = MlflowTemplate.builder(server.uri())
			.activeRun(this.prefix + "experiment", RunSpec.named("training"))
			.callObserver(new MlflowCallObserver() {

				@Override
				public <T> Mono<T> observe(String operation, Mono<T> call) {
					return operation.endsWith(".search")
							? call.doOnSubscribe((subscription) -> ModelRegistryIntegrationTests.this.searchRequests
								.incrementAndGet())
							: call;
				}

			})
			.build();
		this.registry = this.mlflow.modelRegistry();
		this.run = this.mlflow.activeRun().start().block(TIMEOUT);
		this.mlflow.artifacts()
			.uploadText(this.run.runId(), "model/MLmodel", "flavors:\n  python_function: {}\n")
			.block(TIMEOUT);
	}

	private String newModel() {
		String name = this.prefix + UUID.randomUUID();
		this.registry.createRegisteredModel(name).block(TIMEOUT);
		return name;
	}

	private ModelVersion newVersion(String name) {
		return this.registry.createModelVersionFromRun(name, this.run.runId(), "model").block(TIMEOUT);
	}

	private static void assertApiError(Throwable error, String errorCode, int httpStatus) {
		assertThat(error).isInstanceOfSatisfying(MlflowApiException.class, (api) -> {
			assertThat(api.getErrorCode()).isEqualTo(errorCode);
			assertThat(api.getHttpStatus()).isEqualTo(httpStatus);
		});
	}

	// registered models

	@Test
	void createRegisteredModelReturnsDescriptionAndTags() {
		String name = this.prefix + "churn";
		StepVerifier.create(this.registry.createRegisteredModel(name, "predicts churn", Map.of("team", "risk")))
			.assertNext((model) -> {
				assertThat(model.name()).isEqualTo(name);
				assertThat(model.description()).isEqualTo("predicts churn");
				assertThat(model.tagMap()).containsExactly(Map.entry("team", "risk"));
				assertThat(model.creationTimestamp()).isPositive();
				assertThat(model.latestVersions()).isEmpty();
			})
			.verifyComplete();
	}

	@Test
	void createRegisteredModelTwiceFailsWithResourceAlreadyExists() {
		String name = newModel();
		StepVerifier.create(this.registry.createRegisteredModel(name))
			.expectErrorSatisfies((error) -> assertApiError(error, MlflowErrorCodes.RESOURCE_ALREADY_EXISTS, 400))
			.verify(TIMEOUT);
	}

	@Test
	void getRegisteredModelReturnsLatestVersionsTagsAndAliases() {
		String name = newModel();
		newVersion(name);
		this.registry.setAlias(name, "champion", "1").block(TIMEOUT);
		StepVerifier.create(this.registry.getRegisteredModel(name)).assertNext((model) -> {
			assertThat(model.latestVersions()).extracting(ModelVersion::version).containsExactly("1");
			assertThat(model.aliases()).containsExactly(new RegisteredModelAlias("champion", "1"));
			assertThat(model.aliasedVersion("champion")).contains("1");
		}).verifyComplete();
	}

	@Test
	void getRegisteredModelOfUnknownNameFailsWithResourceDoesNotExist() {
		StepVerifier.create(this.registry.getRegisteredModel(this.prefix + "missing"))
			.expectErrorSatisfies((error) -> assertApiError(error, MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST, 404))
			.verify(TIMEOUT);
	}

	@Test
	void renameRegisteredModelMovesItsVersionsToTheNewName() {
		String name = newModel();
		newVersion(name);
		String newName = this.prefix + "renamed";
		StepVerifier.create(this.registry.renameRegisteredModel(name, newName).map(RegisteredModel::name))
			.expectNext(newName)
			.verifyComplete();
		StepVerifier.create(this.registry.getModelVersion(newName, "1").map(ModelVersion::name))
			.expectNext(newName)
			.verifyComplete();
		StepVerifier.create(this.registry.getRegisteredModel(name))
			.expectErrorSatisfies((error) -> assertApiError(error, MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST, 404))
			.verify(TIMEOUT);
	}

	@Test
	void updateRegisteredModelReplacesAndClearsTheDescription() {
		String name = newModel();
		StepVerifier.create(this.registry.updateRegisteredModel(name, "second try").map(RegisteredModel::description))
			.expectNext("second try")
			.verifyComplete();
		assertThat(this.registry.getRegisteredModel(name).block(TIMEOUT).description()).isEqualTo("second try");
		StepVerifier.create(this.registry.updateRegisteredModel(name, null))
			.assertNext((model) -> assertThat(model.description()).isNullOrEmpty())
			.verifyComplete();
	}

	@Test
	void deleteRegisteredModelThenGetFailsWithResourceDoesNotExist() {
		String name = newModel();
		newVersion(name);
		StepVerifier.create(this.registry.deleteRegisteredModel(name)).verifyComplete();
		StepVerifier.create(this.registry.getRegisteredModel(name))
			.expectErrorSatisfies((error) -> assertApiError(error, MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST, 404))
			.verify(TIMEOUT);
		StepVerifier.create(this.registry.getModelVersion(name, "1"))
			.expectErrorSatisfies((error) -> assertApiError(error, MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST, 404))
			.verify(TIMEOUT);
		StepVerifier.create(this.registry.deleteRegisteredModel(name))
			.expectErrorSatisfies((error) -> assertApiError(error, MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST, 404))
			.verify(TIMEOUT);
	}

	@Test
	void searchRegisteredModelsFollowsPageTokensAcrossThreePages() {
		List<String> names = IntStream.range(0, 5).mapToObj((i) -> this.prefix + "paged-" + i).toList();
		names.forEach((name) -> this.registry.createRegisteredModel(name).block(TIMEOUT));
		this.searchRequests.set(0);
		RegisteredModelSearch search = RegisteredModelSearch.filter("name LIKE '" + this.prefix + "paged-%'")
			.withOrderBy("name DESC")
			.withPageSize(2);
		StepVerifier.create(this.registry.searchRegisteredModels(search).map(RegisteredModel::name))
			.expectNext(names.get(4), names.get(3), names.get(2), names.get(1), names.get(0))
			.verifyComplete();
		assertThat(this.searchRequests).hasValue(3);
	}

	@Test
	void searchRegisteredModelsIsLazyAndStopsWhenTheSubscriberHasEnough() {
		IntStream.range(0, 5).forEach((i) -> this.registry.createRegisteredModel(this.prefix + "lazy-" + i)
			.block(TIMEOUT));
		this.searchRequests.set(0);
		RegisteredModelSearch search = RegisteredModelSearch.filter("name LIKE '" + this.prefix + "lazy-%'")
			.withPageSize(2);
		var models = this.registry.searchRegisteredModels(search);
		assertThat(this.searchRequests).hasValue(0);
		StepVerifier.create(models.take(2)).expectNextCount(2).verifyComplete();
		assertThat(this.searchRequests).hasValue(1);
	}

	@Test
	void setRegisteredModelTagReplacesTheValue() {
		String name = newModel();
		this.registry.setRegisteredModelTag(name, "owner", "alice").block(TIMEOUT);
		StepVerifier.create(this.registry.setRegisteredModelTag(name, "owner", "bob")).verifyComplete();
		assertThat(this.registry.getRegisteredModel(name).block(TIMEOUT).tag("owner")).contains("bob");
	}

	@Test
	void deleteRegisteredModelTagRemovesItAndToleratesAMissingTag() {
		String name = newModel();
		this.registry.setRegisteredModelTag(name, "owner", "alice").block(TIMEOUT);
		StepVerifier.create(this.registry.deleteRegisteredModelTag(name, "owner")).verifyComplete();
		assertThat(this.registry.getRegisteredModel(name).block(TIMEOUT).tagMap()).doesNotContainKey("owner");
		StepVerifier.create(this.registry.deleteRegisteredModelTag(name, "owner")).verifyComplete();
	}

	// aliases

	@Test
	void setAliasMovesTheAliasToANewVersion() {
		String name = newModel();
		newVersion(name);
		newVersion(name);
		this.registry.setAlias(name, "champion", "1").block(TIMEOUT);
		StepVerifier.create(this.registry.setAlias(name, "champion", "2")).verifyComplete();
		StepVerifier.create(this.registry.getModelVersionByAlias(name, "champion").map(ModelVersion::version))
			.expectNext("2")
			.verifyComplete();
		assertThat(this.registry.getModelVersion(name, "1").block(TIMEOUT).aliases()).isEmpty();
		assertThat(this.registry.getModelVersion(name, "2").block(TIMEOUT).aliases()).containsExactly("champion");
	}

	@Test
	void setAliasWithAReservedNameFailsWithInvalidParameterValue() {
		String name = newModel();
		newVersion(name);
		StepVerifier.create(this.registry.setAlias(name, "v1", "1"))
			.expectErrorSatisfies((error) -> assertApiError(error, MlflowErrorCodes.INVALID_PARAMETER_VALUE, 400))
			.verify(TIMEOUT);
	}

	@Test
	void getModelVersionByAliasReturnsTheAliasedVersion() {
		String name = newModel();
		newVersion(name);
		this.registry.setAlias(name, "challenger", "1").block(TIMEOUT);
		StepVerifier.create(this.registry.getModelVersionByAlias(name, "challenger")).assertNext((version) -> {
			assertThat(version.version()).isEqualTo("1");
			assertThat(version.aliases()).containsExactly("challenger");
		}).verifyComplete();
	}

	@Test
	void getModelVersionByAliasIsEmptyWhenTheAliasIsNotSet() {
		String name = newModel();
		newVersion(name);
		StepVerifier.create(this.registry.getModelVersionByAlias(name, "champion")).verifyComplete();
	}

	@Test
	void getModelVersionByAliasOfUnknownModelFailsWithResourceDoesNotExist() {
		StepVerifier.create(this.registry.getModelVersionByAlias(this.prefix + "missing", "champion"))
			.expectErrorSatisfies((error) -> assertApiError(error, MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST, 404))
			.verify(TIMEOUT);
	}

	@Test
	void deleteAliasThenGetModelVersionByAliasIsEmpty() {
		String name = newModel();
		newVersion(name);
		this.registry.setAlias(name, "champion", "1").block(TIMEOUT);
		StepVerifier.create(this.registry.deleteAlias(name, "champion")).verifyComplete();
		StepVerifier.create(this.registry.getModelVersionByAlias(name, "champion")).verifyComplete();
		assertThat(this.registry.getRegisteredModel(name).block(TIMEOUT).aliases()).isEmpty();
		StepVerifier.create(this.registry.deleteAlias(name, "champion")).verifyComplete();
	}

	// model versions

	@Test
	void createModelVersionFromRunArtifactsRegistersTheRunsArtifactUri() {
		String name = newModel();
		StepVerifier.create(this.registry.createModelVersionFromRun(name, this.run.runId(), "model", "first cut",
				Map.of("validated", "false")))
			.assertNext((version) -> {
				assertThat(version.name()).isEqualTo(name);
				assertThat(version.version()).isEqualTo("1");
				assertThat(version.source()).isEqualTo(this.run.artifactUri() + "/model");
				assertThat(version.runId()).isEqualTo(this.run.runId());
				assertThat(version.description()).isEqualTo("first cut");
				assertThat(version.tagMap()).containsExactly(Map.entry("validated", "false"));
				assertThat(version.currentStage()).isEqualTo(ModelVersionStage.NONE);
			})
			.verifyComplete();
		String downloadUri = this.registry.getModelVersionDownloadUri(name, "1").block(TIMEOUT);
		assertThat(downloadUri).isEqualTo(this.run.artifactUri() + "/model");
		assertThat(this.mlflow.artifacts().downloadText(this.run.runId(), "model/MLmodel").block(TIMEOUT))
			.contains("python_function");
	}

	@Test
	void createModelVersionWithSpecNumbersVersionsFromOne() {
		String name = newModel();
		ModelVersionSpec spec = ModelVersionSpec.source(this.run.artifactUri() + "/model")
			.withRunId(this.run.runId())
			.withRunLink("http://mlflow.example/runs/" + this.run.runId())
			.withTag("stage", "candidate");
		assertThat(this.registry.createModelVersion(name, spec).block(TIMEOUT).version()).isEqualTo("1");
		StepVerifier.create(this.registry.createModelVersion(name, spec)).assertNext((version) -> {
			assertThat(version.version()).isEqualTo("2");
			assertThat(version.runLink()).isEqualTo("http://mlflow.example/runs/" + this.run.runId());
			assertThat(version.tag("stage")).contains("candidate");
		}).verifyComplete();
	}

	@Test
	void createModelVersionOfArtifactsWithoutTheirRunFailsWithInvalidParameterValue(MlflowServer server) {
		// MLflow 2.x registers any source; 3.x checks that proxied artifacts belong to the given run
		assumeServerAtLeast(server, "3.0", "the check that a model version's source lies in its run's artifacts");
		String name = newModel();
		StepVerifier.create(this.registry.createModelVersion(name,
				ModelVersionSpec.source(this.run.artifactUri() + "/model")))
			.expectErrorSatisfies((error) -> assertApiError(error, MlflowErrorCodes.INVALID_PARAMETER_VALUE, 400))
			.verify(TIMEOUT);
	}

	@Test
	void getModelVersionReturnsRunStatusAndTags() {
		String name = newModel();
		newVersion(name);
		this.registry.setModelVersionTag(name, "1", "validated", "true").block(TIMEOUT);
		StepVerifier.create(this.registry.getModelVersion(name, "1")).assertNext((version) -> {
			assertThat(version.runId()).isEqualTo(this.run.runId());
			assertThat(version.status()).isEqualTo(ModelVersionStatus.READY);
			assertThat(version.isReady()).isTrue();
			assertThat(version.tagMap()).containsEntry("validated", "true");
		}).verifyComplete();
	}

	@Test
	void updateModelVersionReplacesTheDescription() {
		String name = newModel();
		newVersion(name);
		StepVerifier.create(this.registry.updateModelVersion(name, "1", "retrained on May data")
			.map(ModelVersion::description)).expectNext("retrained on May data").verifyComplete();
		assertThat(this.registry.getModelVersion(name, "1").block(TIMEOUT).description())
			.isEqualTo("retrained on May data");
	}

	@Test
	void deleteModelVersionThenGetFailsWithResourceDoesNotExist() {
		String name = newModel();
		newVersion(name);
		newVersion(name);
		StepVerifier.create(this.registry.deleteModelVersion(name, "1")).verifyComplete();
		StepVerifier.create(this.registry.getModelVersion(name, "1"))
			.expectErrorSatisfies((error) -> assertApiError(error, MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST, 404))
			.verify(TIMEOUT);
		assertThat(this.registry.getModelVersion(name, "2").block(TIMEOUT).version()).isEqualTo("2");
	}

	@Test
	void searchModelVersionsFollowsPageTokensAcrossThreePages() {
		String name = newModel();
		IntStream.range(0, 5).forEach((i) -> newVersion(name));
		this.searchRequests.set(0);
		ModelVersionSearch search = ModelVersionSearch.filter("name = '" + name + "'")
			.withOrderBy("version_number ASC")
			.withPageSize(2);
		StepVerifier.create(this.registry.searchModelVersions(search).map(ModelVersion::version))
			.expectNext("1", "2", "3", "4", "5")
			.verifyComplete();
		assertThat(this.searchRequests).hasValue(3);
	}

	@Test
	void setModelVersionTagReplacesTheValue() {
		String name = newModel();
		newVersion(name);
		this.registry.setModelVersionTag(name, "1", "validated", "false").block(TIMEOUT);
		StepVerifier.create(this.registry.setModelVersionTag(name, "1", "validated", "true")).verifyComplete();
		assertThat(this.registry.getModelVersion(name, "1").block(TIMEOUT).tag("validated")).contains("true");
	}

	@Test
	void deleteModelVersionTagRemovesItAndToleratesAMissingTag() {
		String name = newModel();
		newVersion(name);
		this.registry.setModelVersionTag(name, "1", "validated", "true").block(TIMEOUT);
		StepVerifier.create(this.registry.deleteModelVersionTag(name, "1", "validated")).verifyComplete();
		assertThat(this.registry.getModelVersion(name, "1").block(TIMEOUT).tagMap()).doesNotContainKey("validated");
		StepVerifier.create(this.registry.deleteModelVersionTag(name, "1", "validated")).verifyComplete();
	}

	@Test
	void transitionModelVersionStageArchivesExistingVersions() {
		String name = newModel();
		newVersion(name);
		newVersion(name);
		this.registry.transitionModelVersionStage(name, "1", ModelVersionStage.PRODUCTION, false).block(TIMEOUT);
		StepVerifier.create(this.registry.transitionModelVersionStage(name, "2", ModelVersionStage.PRODUCTION, true))
			.assertNext((version) -> assertThat(version.currentStage()).isEqualTo(ModelVersionStage.PRODUCTION))
			.verifyComplete();
		assertThat(this.registry.getModelVersion(name, "1").block(TIMEOUT).currentStage())
			.isEqualTo(ModelVersionStage.ARCHIVED);
	}

	@Test
	void transitionModelVersionStageWithoutArchivingKeepsBothVersionsInTheStage() {
		String name = newModel();
		newVersion(name);
		newVersion(name);
		this.registry.transitionModelVersionStage(name, "1", ModelVersionStage.STAGING, false).block(TIMEOUT);
		this.registry.transitionModelVersionStage(name, "2", ModelVersionStage.STAGING, false).block(TIMEOUT);
		assertThat(this.registry.getModelVersion(name, "1").block(TIMEOUT).currentStage())
			.isEqualTo(ModelVersionStage.STAGING);
	}

	@Test
	void getLatestVersionsReturnsTheNewestVersionPerStage() {
		String name = newModel();
		newVersion(name);
		newVersion(name);
		newVersion(name);
		this.registry.transitionModelVersionStage(name, "1", ModelVersionStage.PRODUCTION, false).block(TIMEOUT);
		StepVerifier.create(this.registry.getLatestVersions(name, ModelVersionStage.PRODUCTION)
			.map(ModelVersion::version)).expectNext("1").verifyComplete();
		StepVerifier.create(this.registry.getLatestVersions(name).collectMap(ModelVersion::currentStage,
				ModelVersion::version))
			.assertNext((latest) -> assertThat(latest).containsExactlyInAnyOrderEntriesOf(
					Map.of(ModelVersionStage.PRODUCTION, "1", ModelVersionStage.NONE, "3")))
			.verifyComplete();
		StepVerifier.create(this.registry.getLatestVersions(name, ModelVersionStage.ARCHIVED)).verifyComplete();
	}

	@Test
	void getModelVersionDownloadUriPointsAtTheSource() {
		String name = newModel();
		ModelVersion version = newVersion(name);
		StepVerifier.create(this.registry.getModelVersionDownloadUri(name, "1"))
			.expectNext(version.source())
			.verifyComplete();
	}

	@Test
	void awaitReadyReturnsTheRegisteredVersion() {
		String name = newModel();
		newVersion(name);
		StepVerifier.create(this.registry.awaitReady(name, "1", Duration.ofSeconds(30)))
			.assertNext((version) -> assertThat(version.status()).isEqualTo(ModelVersionStatus.READY))
			.verifyComplete();
	}

	@Test
	void blankArgumentsFailWithIllegalArgumentExceptionNamingTheParameter() {
		StepVerifier.create(this.registry.getRegisteredModel(" "))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("name must not be null or blank"))
			.verify(TIMEOUT);
		StepVerifier.create(this.registry.setAlias("model", "champion", ""))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("version must not be null or blank"))
			.verify(TIMEOUT);
		StepVerifier.create(this.registry.createModelVersionFromRun("model", null, "model"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("runId must not be null or blank"))
			.verify(TIMEOUT);
	}

}
