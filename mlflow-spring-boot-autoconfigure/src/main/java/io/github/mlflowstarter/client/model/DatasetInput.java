package io.github.mlflowstarter.client.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A dataset a run used, with tags that say how it was used.
 *
 * @param tags input tags; {@value #CONTEXT_TAG} says how the dataset was used ({@code training},
 * {@code validation}, ...)
 * @param dataset the dataset
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetInput(@JsonProperty("tags") List<Tag> tags, @JsonProperty("dataset") Dataset dataset) {

	/** The input tag that MLflow's UI shows as the dataset's context. */
	public static final String CONTEXT_TAG = "mlflow.data.context";

	/**
	 * Creates a dataset input.
	 */
	public DatasetInput {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		Objects.requireNonNull(dataset, "dataset must not be null");
	}

	/**
	 * A dataset used in a context, such as {@code training}.
	 * @param dataset the dataset
	 * @param context how the run used it
	 * @return the dataset input
	 */
	public static DatasetInput of(Dataset dataset, String context) {
		return new DatasetInput(List.of(Tag.of(CONTEXT_TAG, context)), dataset);
	}

	/**
	 * How the run used the dataset (the {@value #CONTEXT_TAG} tag).
	 * @return the context, or {@code null} when not tagged
	 */
	public @Nullable String context() {
		return this.tags.stream()
			.filter((tag) -> CONTEXT_TAG.equals(tag.key()))
			.map(Tag::value)
			.findFirst()
			.orElse(null);
	}

}
