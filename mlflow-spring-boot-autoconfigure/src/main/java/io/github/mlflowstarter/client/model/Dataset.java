package io.github.mlflowstarter.client.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A dataset a run used, as MLflow records it: a name and a digest that identify the data, and
 * where the data came from. The content itself is not sent.
 *
 * @param name the dataset name, for example {@code iris-train}
 * @param digest a short fingerprint of the content, for example the first 8 hex digits of a hash
 * @param sourceType the kind of source, for example {@code local}, {@code http}, {@code s3} or
 * {@code code}
 * @param source the source itself, as JSON text, for example
 * {@code {"uri": "s3://bucket/train.csv"}}
 * @param schema the schema as JSON text, or {@code null}
 * @param profile summary statistics as JSON text, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dataset(@JsonProperty("name") String name, @JsonProperty("digest") String digest,
		@JsonProperty("source_type") String sourceType, @JsonProperty("source") String source,
		@JsonProperty("schema") @Nullable String schema, @JsonProperty("profile") @Nullable String profile) {

	/**
	 * Creates a dataset.
	 */
	public Dataset {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(digest, "digest must not be null");
		Objects.requireNonNull(sourceType, "sourceType must not be null");
		Objects.requireNonNull(source, "source must not be null");
	}

	/**
	 * Creates a dataset without schema and profile.
	 * @param name the dataset name
	 * @param digest a short fingerprint of the content
	 * @param sourceType the kind of source
	 * @param source the source as JSON text
	 * @return the dataset
	 */
	public static Dataset of(String name, String digest, String sourceType, String source) {
		return new Dataset(name, digest, sourceType, source, null, null);
	}

	/**
	 * This dataset with a schema.
	 * @param schema the schema as JSON text
	 * @return a copy with the schema
	 */
	public Dataset withSchema(String schema) {
		return new Dataset(this.name, this.digest, this.sourceType, this.source, schema, this.profile);
	}

	/**
	 * This dataset with a profile.
	 * @param profile summary statistics as JSON text
	 * @return a copy with the profile
	 */
	public Dataset withProfile(String profile) {
		return new Dataset(this.name, this.digest, this.sourceType, this.source, this.schema, profile);
	}

}
