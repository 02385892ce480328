package io.github.mlflowstarter.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to search experiments for.
 *
 * @param filter an MLflow filter expression such as {@code name LIKE 'sales-%'}, or
 * {@code null} for all experiments
 * @param orderBy order-by clauses such as {@code creation_time DESC}
 * @param viewType which lifecycle stages to return
 * @param pageSize how many experiments to fetch per request (1 to 50,000)
 */
public record ExperimentSearch(@Nullable String filter, List<String> orderBy, ViewType viewType, int pageSize) {

	/** Page size used unless another is chosen. */
	public static final int DEFAULT_PAGE_SIZE = 1000;

	/** Largest page size the server accepts. */
	public static final int MAX_PAGE_SIZE = 50_000;

	public ExperimentSearch {
		orderBy = List.copyOf(orderBy);
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException(
					"Page size must be between 1 and " + MAX_PAGE_SIZE + " but was " + pageSize);
		}
	}

	/**
	 * All active experiments.
	 * @return the search
	 */
	public static ExperimentSearch all() {
		return new ExperimentSearch(null, List.of(), ViewType.ACTIVE_ONLY, DEFAULT_PAGE_SIZE);
	}

	/**
	 * Active experiments that match a filter.
	 * @param filter the filter expression
	 * @return the search
	 */
	public static ExperimentSearch filter(String filter) {
		return all().withFilter(filter);
	}

	/**
	 * This search with another filter.
	 * @param filter the filter expression
	 * @return a new search
	 */
	public ExperimentSearch withFilter(@Nullable String filter) {
		return new ExperimentSearch(filter, this.orderBy, this.viewType, this.pageSize);
	}

	/**
	 * This search with another order.
	 * @param orderBy the order-by clauses
	 * @return a new search
	 */
	public ExperimentSearch withOrderBy(String... orderBy) {
		return new ExperimentSearch(this.filter, List.of(orderBy), this.viewType, this.pageSize);
	}

	/**
	 * This search with another view type.
	 * @param viewType the view type
	 * @return a new search
	 */
	public ExperimentSearch withViewType(ViewType viewType) {
		return new ExperimentSearch(this.filter, this.orderBy, viewType, this.pageSize);
	}

	/**
	 * This search with another page size.
	 * @param pageSize the page size
	 * @return a new search
	 */
	public ExperimentSearch withPageSize(int pageSize) {
		return new ExperimentSearch(this.filter, this.orderBy, this.viewType, pageSize);
	}

}
