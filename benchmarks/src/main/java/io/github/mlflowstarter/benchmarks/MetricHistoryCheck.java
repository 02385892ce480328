package io.github.mlflowstarter.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a metric's history back from the server with plain HTTP (neither client under test is
 * involved) and checks that exactly the steps {@code 0..expected-1} are there, once each.
 */
final class MetricHistoryCheck {

	private static final int PAGE_SIZE = 25_000;

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final URI trackingUri;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	MetricHistoryCheck(URI trackingUri) {
		this.trackingUri = trackingUri;
	}

	/**
	 * Counts the stored points of a metric and fails when they are not exactly the expected steps.
	 * @return the number of stored points
	 */
	long verify(String runId, String key, int expected) {
		BitSet seen = new BitSet(expected);
		long count = 0;
		long unexpected = 0;
		String token = null;
		while (true) {
			String url = this.trackingUri + "/api/2.0/mlflow/metrics/get-history?run_id=" + encode(runId)
					+ "&metric_key=" + encode(key) + "&max_results=" + PAGE_SIZE
					+ ((token != null) ? "&page_token=" + encode(token) : "");
			JsonNode page = get(url);
			for (JsonNode metric : page.path("metrics")) {
				count++;
				long step = metric.path("step").asLong(0);
				if (step < 0 || step >= expected || seen.get((int) step)) {
					unexpected++;
				}
				else {
					seen.set((int) step);
				}
			}
			JsonNode next = page.path("next_page_token");
			String nextToken = next.isString() ? next.asString() : null;
			if (nextToken == null || nextToken.isEmpty() || nextToken.equals(token)) {
				break;
			}
			token = nextToken;
		}
		if (count != expected || unexpected != 0 || seen.cardinality() != expected) {
			throw new IllegalStateException("Run " + runId + ": the server has " + count + " points of '" + key
					+ "' (" + seen.cardinality() + " distinct expected steps, " + unexpected
					+ " unexpected or repeated), expected " + expected);
		}
		return count;
	}

	/**
	 * The server's version, from {@code GET /version}.
	 * @return the version, or "unknown"
	 */
	String serverVersion() {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.trackingUri + "/version")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body().trim() : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	private JsonNode get(String url) {
		try {
			HttpResponse<byte[]> response = this.http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
						+ new String(response.body(), StandardCharsets.UTF_8));
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + url + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
