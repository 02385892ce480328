package io.github.mlflowstarter.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to search registered models for.
 *
 * @param filter an MLflow filter expression such as {@code name LIKE 'churn-%'} or
 * {@code tags.team = 'risk'}, or {@code null} for all registered models
 * @param orderBy order-by clauses such as {@code name ASC} or {@code last_updated_timestamp DESC}
 * @param pageSize how many models to fetch per request (1 to 1,000)
 */
public record RegisteredModelSearch(@Nullable String filter, List<String> orderBy, int pageSize) {

	/** Page size used unless another is chosen (the server's own default). */
	public static final int DEFAULT_PAGE_SIZE = 100;

	/** Largest page size the server accepts. */
	public static final int MAX_PAGE_SIZE = 1000;

	public RegisteredModelSearch {
		orderBy = List.copyOf(orderBy);
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException(
					"Page size must be between 1 and " + MAX_PAGE_SIZE + " but was " + pageSize);
		}
	}

	/**
	 * All registered models.
	 * @return the search
	 */
	public static RegisteredModelSearch all() {
		return new RegisteredModelSearch(null, List.of(), DEFAULT_PAGE_SIZE);
	}

	/**
	 * Registered models that match a filter.
	 * @param filter the filter expression
	 * @return the search
	 */
	public static RegisteredModelSearch filter(String filter) {
		return all().withFilter(filter);
	}

	/**
	 * This search with another filter.
	 * @param filter the filter expression
	 * @return a new search
	 */
	public RegisteredModelSearch withFilter(@Nullable String filter) {
		return new RegisteredModelSearch(filter, this.orderBy, this.pageSize);
	}

	/**
	 * This search with another order.
	 * @param orderBy the order-by clauses
	 * @return a new search
	 */
	public RegisteredModelSearch withOrderBy(String... orderBy) {
		return new RegisteredModelSearch(this.filter, List.of(orderBy), this.pageSize);
	}

	/**
	 * This search with another page size.
	 * @param pageSize the page size
	 * @return a new search
	 */
	public RegisteredModelSearch withPageSize(int pageSize) {
		return new RegisteredModelSearch(this.filter, this.orderBy, pageSize);
	}

}
