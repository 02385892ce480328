package io.github.mlflowstarter.client.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A registered model of MLflow's model registry: a name under which model versions are
 * registered.
 *
 * @param name the unique name
 * @param creationTimestamp creation time in milliseconds since the epoch
 * @param lastUpdatedTimestamp last update time in milliseconds since the epoch
 * @param description the description, if any
 * @param latestVersions the latest version of each stage (the server's choice of versions, not
 * every version; search model versions for all of them)
 * @param tags the model's tags
 * @param aliases the model's aliases and the versions they point to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisteredModel(@JsonProperty("name") String name,
		@JsonProperty("creation_timestamp") @Nullable Long creationTimestamp,
		@JsonProperty("last_updated_timestamp") @Nullable Long lastUpdatedTimestamp,
		@JsonProperty("description") @Nullable String description,
		@JsonProperty("latest_versions") List<ModelVersion> latestVersions, @JsonProperty("tags") List<Tag> tags,
		@JsonProperty("aliases") List<RegisteredModelAlias> aliases) {

	public RegisteredModel {
		latestVersions = (latestVersions != null) ? List.copyOf(latestVersions) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
	}

	/**
	 * The tags as a map.
	 * @return the tags keyed by tag key
	 */
	public Map<String, String> tagMap() {
		return Tags.toMap(this.tags);
	}

	/**
	 * The value of one tag.
	 * @param key the tag key
	 * @return the value, if the tag is set
	 */
	public Optional<String> tag(String key) {
		return Optional.ofNullable(tagMap().get(key));
	}

	/**
	 * The version an alias points to.
	 * @param alias the alias, matched exactly
	 * @return the version number, if the alias is set
	 */
	public Optional<String> aliasedVersion(String alias) {
		return this.aliases.stream()
			.filter((candidate) -> candidate.alias().equals(alias))
			.map(RegisteredModelAlias::version)
			.findFirst();
	}

}
