package io.github.mlflowstarter.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to search model versions for.
 *
 * @param filter an MLflow filter expression such as {@code name = 'churn'},
 * {@code run_id = '...'} or {@code tags.validated = 'true'}, or {@code null} for all versions
 * @param orderBy order-by clauses such as {@code version_number DESC}
 * @param pageSize how many versions to fetch per request (1 to 200,000)
 */
public record ModelVersionSearch(@Nullable String filter, List<String> orderBy, int pageSize) {

	/** Page size used unless another is chosen. */
	public static final int DEFAULT_PAGE_SIZE = 1000;

	/** Largest page size the server accepts. */
	public static final int MAX_PAGE_SIZE = 200_000;

	public ModelVersionSearch {
		orderBy = List.copyOf(orderBy);
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException(
					"Page size must be between 1 and " + MAX_PAGE_SIZE + " but was " + pageSize);
		}
	}

	/**
	 * All model versions of all registered models.
	 * @return the search
	 */
	public static ModelVersionSearch all() {
		return new ModelVersionSearch(null, List.of(), DEFAULT_PAGE_SIZE);
	}

	/**
	 * Model versions that match a filter.
	 * @param filter the filter expression
	 * @return the search
	 */
	public static ModelVersionSearch filter(String filter) {
		return all().withFilter(filter);
	}

	/**
	 * This search with another filter.
	 * @param filter the filter expression
	 * @return a new search
	 */
	public ModelVersionSearch withFilter(@Nullable String filter) {
		return new ModelVersionSearch(filter, this.orderBy, this.pageSize);
	}

	/**
	 * This search with another order.
	 * @param orderBy the order-by clauses
	 * @return a new search
	 */
	public ModelVersionSearch withOrderBy(String... orderBy) {
		return new ModelVersionSearch(this.filter, List.of(orderBy), this.pageSize);
	}

	/**
	 * This search with another page size.
	 * @param pageSize the page size
	 * @return a new search
	 */
	public ModelVersionSearch withPageSize(int pageSize) {
		return new ModelVersionSearch(this.filter, this.orderBy, pageSize);
	}

}
