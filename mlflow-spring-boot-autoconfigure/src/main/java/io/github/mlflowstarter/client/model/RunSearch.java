package io.github.mlflowstarter.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to search runs for.
 *
 * @param experimentIds the experiments to search in
 * @param filter an MLflow filter expression such as {@code metrics.loss < 0.5 AND
 * tags.mlflow.parentRunId = '...'}, or {@code null} for all runs
 * @param orderBy order-by clauses such as {@code metrics.loss ASC}
 * @param viewType which lifecycle stages to return
 * @param pageSize how many runs to fetch per request (1 to 50,000)
 */
public record RunSearch(List<String> experimentIds, @Nullable String filter, List<String> orderBy,
		ViewType viewType, int pageSize) {

	/** Page size used unless another is chosen. */
	public static final int DEFAULT_PAGE_SIZE = 1000;

	public RunSearch {
		experimentIds = List.copyOf(experimentIds);
		orderBy = List.copyOf(orderBy);
		if (experimentIds.isEmpty()) {
			throw new IllegalArgumentException("At least one experiment id is needed to search runs");
		}
		if (pageSize < 1 || pageSize > ExperimentSearch.MAX_PAGE_SIZE) {
			throw new IllegalArgumentException(
					"Page size must be between 1 and " + ExperimentSearch.MAX_PAGE_SIZE + " but was " + pageSize);
		}
	}

	/**
	 * All active runs of the given experiments.
	 * @param experimentIds the experiment ids
	 * @return the search
	 */
	public static RunSearch in(String... experimentIds) {
		return new RunSearch(List.of(experimentIds), null, List.of(), ViewType.ACTIVE_ONLY, DEFAULT_PAGE_SIZE);
	}

	/**
	 * This search with a filter.
	 * @param filter the filter expression
	 * @return a new search
	 */
	public RunSearch withFilter(@Nullable String filter) {
		return new RunSearch(this.experimentIds, filter, this.orderBy, this.viewType, this.pageSize);
	}

	/**
	 * This search with another order.
	 * @param orderBy the order-by clauses
	 * @return a new search
	 */
	public RunSearch withOrderBy(String... orderBy) {
		return new RunSearch(this.experimentIds, this.filter, List.of(orderBy), this.viewType, this.pageSize);
	}

	/**
	 * This search with another view type.
	 * @param viewType the view type
	 * @return a new search
	 */
	public RunSearch withViewType(ViewType viewType) {
		return new RunSearch(this.experimentIds, this.filter, this.orderBy, viewType, this.pageSize);
	}

	/**
	 * This search with another page size.
	 * @param pageSize the page size
	 * @return a new search
	 */
	public RunSearch withPageSize(int pageSize) {
		return new RunSearch(this.experimentIds, this.filter, this.orderBy, this.viewType, pageSize);
	}

}
