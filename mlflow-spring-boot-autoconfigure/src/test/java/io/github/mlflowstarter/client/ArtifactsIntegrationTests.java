package io.github.mlflowstarter.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.mlflowstarter.client.model.FileInfo;
import io.github.mlflowstarter.client.model.RunSpec;
import io.github.mlflowstarter.testsupport.MlflowServer;
import io.github.mlflowstarter.testsupport.SharedMlflowServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MlflowArtifacts} against a real MLflow server that serves artifacts.
 */
@ExtendWith(SharedMlflowServer.class)
class ArtifactsIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private MlflowTemplate mlflow;

	private MlflowArtifacts artifacts;

	private String runId;

	@BeforeEach
	void setUp(MlflowServer server) {
		String experiment = "artifacts-it-" + UUID.randomUUID();
		this.mlflow = MlflowTemplate.create(server.uri(), experiment, RunSpec.named("artifacts"));
		this.artifacts = this.mlflow.artifacts();
		this.runId = this.mlflow.activeRun().start().block(TIMEOUT).runId();
	}

	@Test
	void textRoundTripsAsUtf8() {
		String text = "accuracy: 0.93\nnotes: größer als gestern ✓\n";
		this.artifacts.uploadText(this.runId, "notes/summary.txt", text).block(TIMEOUT);
		StepVerifier.create(this.artifacts.downloadText(this.runId, "notes/summary.txt"))
			.expectNext(text)
			.verifyComplete();
	}

	@Test
	void bytesRoundTrip() {
		byte[] content = new byte[256 * 1024];
		new java.util.Random(7).nextBytes(content);
		this.artifacts.upload(this.runId, "model/weights.bin", content).block(TIMEOUT);
		StepVerifier.create(this.artifacts.downloadBytes(this.runId, "model/weights.bin"))
			.assertNext((downloaded) -> assertThat(downloaded).isEqualTo(content))
			.verifyComplete();
	}

	@Test
	void emptyFileRoundTrips() {
		this.artifacts.upload(this.runId, "empty.bin", new byte[0]).block(TIMEOUT);
		StepVerifier.create(this.artifacts.downloadBytes(this.runId, "empty.bin"))
			.assertNext((downloaded) -> assertThat(downloaded).isEmpty())
			.verifyComplete();
		assertThat(this.artifacts.list(this.runId).collectList().block(TIMEOUT))
			.containsExactly(new FileInfo("empty.bin", false, 0L));
	}

	@Test
	void objectIsUploadedAsJson() {
		record Report(String model, double accuracy, List<String> labels) {
		}
		this.artifacts.uploadJson(this.runId, "eval/report.json", new Report("gbm", 0.93, List.of("yes", "no")))
			.block(TIMEOUT);
		JsonNode json = JsonMapper.builder()
			.build()
			.readTree(this.artifacts.downloadText(this.runId, "eval/report.json").block(TIMEOUT));
		assertThat(json.get("model").asString()).isEqualTo("gbm");
		assertThat(json.get("accuracy").asDouble()).isEqualTo(0.93);
		assertThat(json.get("labels").get(1).asString()).isEqualTo("no");
	}

	@Test
	void fileRoundTripsThroughTheFileSystem(@TempDir Path temp) throws Exception {
		Path source = Files.writeString(temp.resolve("config.yaml"), "learning_rate: 0.01\nepochs: 20\n");
		this.artifacts.upload(this.runId, "config/config.yaml", source).block(TIMEOUT);
		Path target = temp.resolve("downloads/nested/config.yaml");
		this.artifacts.download(this.runId, "config/config.yaml", target).block(TIMEOUT);
		assertThat(target).hasSameBinaryContentAs(source);
		try (var files = Files.list(target.getParent())) {
			assertThat(files).containsExactly(target);
		}
	}

	@Test
	void uploadingAgainReplacesTheFile() {
		this.artifacts.uploadText(this.runId, "status.txt", "first version, longer").block(TIMEOUT);
		this.artifacts.uploadText(this.runId, "status.txt", "second").block(TIMEOUT);
		assertThat(this.artifacts.downloadText(this.runId, "status.txt").block(TIMEOUT)).isEqualTo("second");
	}

	@Test
	void streamedBuffersRoundTrip() {
		DefaultDataBufferFactory factory = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> chunks = Flux.range(0, 100)
			.map((i) -> factory.wrap(("line " + i + "\n").getBytes(StandardCharsets.UTF_8)));
		this.artifacts.upload(this.runId, "logs/train.log", chunks).block(TIMEOUT);
		String downloaded = DataBufferUtils.join(this.artifacts.download(this.runId, "logs/train.log"))
			.map((buffer) -> {
				String text = buffer.toString(StandardCharsets.UTF_8);
				DataBufferUtils.release(buffer);
				return text;
			})
			.block(TIMEOUT);
		assertThat(downloaded).startsWith("line 0\nline 1\n").endsWith("line 99\n").hasLineCount(100);
	}

	@Test
	void listingShowsOneDirectoryAndRecursiveListingShowsEverythingBelow() {
		this.artifacts.uploadText(this.runId, "top.txt", "t").block(TIMEOUT);
		this.artifacts.uploadText(this.runId, "model/MLmodel", "flavors: {}").block(TIMEOUT);
		this.artifacts.upload(this.runId, "model/data/weights.bin", new byte[10]).block(TIMEOUT);
		this.artifacts.uploadText(this.runId, "model/data/deeper/vocab.txt", "a\nb\n").block(TIMEOUT);
		assertThat(this.artifacts.list(this.runId).collectList().block(TIMEOUT))
			.containsExactlyInAnyOrder(new FileInfo("model", true, null), new FileInfo("top.txt", false, 1L));
		assertThat(this.artifacts.list(this.runId, "model/data").collectList().block(TIMEOUT)).containsExactlyInAnyOrder(
				new FileInfo("model/data/deeper", true, null), new FileInfo("model/data/weights.bin", false, 10L));
		List<FileInfo> everything = this.artifacts.listRecursive(this.runId, null).collectList().block(TIMEOUT);
		assertThat(everything).extracting(FileInfo::path)
			.containsExactlyInAnyOrder("top.txt", "model", "model/MLmodel", "model/data", "model/data/weights.bin",
					"model/data/deeper", "model/data/deeper/vocab.txt");
		assertThat(everything).extracting(FileInfo::path)
			.containsSubsequence("model", "model/data", "model/data/deeper", "model/data/deeper/vocab.txt");
		assertThat(this.artifacts.listRecursive(this.runId, "model/data/").map(FileInfo::name).collectList()
			.block(TIMEOUT)).containsExactlyInAnyOrder("deeper", "weights.bin", "vocab.txt");
	}

	@Test
	void listingAMissingDirectoryIsEmpty() {
		StepVerifier.create(this.artifacts.list(this.runId, "nothing/here")).verifyComplete();
	}

	@Test
	void pathsWithSpacesAndUnicodeRoundTrip() {
		this.artifacts.uploadText(this.runId, "plots/loss curve (ä).txt", "x").block(TIMEOUT);
		assertThat(this.artifacts.list(this.runId, "plots").map(FileInfo::path).collectList().block(TIMEOUT))
			.containsExactly("plots/loss curve (ä).txt");
		assertThat(this.artifacts.downloadText(this.runId, "plots/loss curve (ä).txt").block(TIMEOUT)).isEqualTo("x");
	}

	@Test
	void downloadingAMissingFileFailsWithResourceDoesNotExist(@TempDir Path temp) throws Exception {
		StepVerifier.create(this.artifacts.downloadText(this.runId, "missing.txt"))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MlflowApiException.class,
					(api) -> {
						assertThat(api.getErrorCode()).isEqualTo(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST);
						assertThat(api.getHttpStatus()).isEqualTo(404);
						assertThat(api.getMessage()).contains("missing.txt");
					}));
		Path existing = Files.writeString(temp.resolve("keep.txt"), "keep me");
		StepVerifier.create(this.artifacts.download(this.runId, "missing.txt", existing))
			.verifyError(MlflowApiException.class);
		assertThat(existing).hasContent("keep me");
		try (var files = Files.list(temp)) {
			assertThat(files).containsExactly(existing);
		}
	}

	@Test
	void unsafePathsAreRejectedAtTheCallNamingTheRule() {
		Map<String, String> rules = Map.of("../escape.txt", "'..' segment", "a/../../b.txt", "'..' segment",
				"/etc/passwd", "not absolute", "C:/models/x.bin", "not absolute", "a#b.txt", "'#'",
				"dir\\file.txt", "backslash", "model/", "must name a file", " ", "blank");
		rules.forEach((path, rule) -> {
			assertThatExceptionOfType(MlflowValidationException.class)
				.isThrownBy(() -> this.artifacts.uploadText(this.runId, path, "x"))
				.withMessageContaining(rule);
			assertThatExceptionOfType(MlflowValidationException.class)
				.isThrownBy(() -> this.artifacts.download(this.runId, path))
				.withMessageContaining(rule);
		});
		assertThatExceptionOfType(MlflowValidationException.class)
			.isThrownBy(() -> this.artifacts.list(this.runId, "../other-run"))
			.withMessageContaining("'..' segment");
		assertThat(this.artifacts.list(this.runId).collectList().block(TIMEOUT)).isEmpty();
	}

	@Test
	void uploadingAMissingLocalFileFailsOnSubscribe(@TempDir Path temp) {
		StepVerifier.create(this.artifacts.upload(this.runId, "x.bin", temp.resolve("absent.bin")))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("absent.bin"));
	}

	@Test
	void runWhoseArtifactsLiveOutsideTheProxyFailsWithAClearMessage() {
		String experimentId = this.mlflow
			.createExperiment("artifacts-s3-" + UUID.randomUUID(), "s3://some-bucket/mlflow", Map.of())
			.block(TIMEOUT);
		String s3RunId = this.mlflow.createRun(experimentId, RunSpec.named("s3")).block(TIMEOUT).info().runId();
		StepVerifier.create(this.artifacts.uploadText(s3RunId, "a.txt", "x"))
			.verifyErrorSatisfies((error) -> assertThat(error)
				.isInstanceOfSatisfying(MlflowArtifactsUnavailableException.class, (ex) -> {
					assertThat(ex.getArtifactUri()).isEqualTo("s3://some-bucket/mlflow/" + s3RunId + "/artifacts");
					assertThat(ex.getMessage()).contains("s3://some-bucket/mlflow/" + s3RunId + "/artifacts")
						.contains("--serve-artifacts")
						.contains("mlflow-artifacts:/");
				}));
		StepVerifier.create(this.artifacts.downloadText(s3RunId, "a.txt"))
			.verifyError(MlflowArtifactsUnavailableException.class);
	}

	@Test
	void unknownRunFailsWithResourceDoesNotExist() {
		StepVerifier.create(this.artifacts.uploadText("0123456789abcdef0123456789abcdef", "a.txt", "x"))
			.verifyErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(MlflowApiException.class,
					(api) -> assertThat(api.getErrorCode()).isEqualTo(MlflowErrorCodes.RESOURCE_DOES_NOT_EXIST)));
	}

}
