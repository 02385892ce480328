package io.github.mlflowstarter.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to search logged models for.
 *
 * @param experimentIds the experiments to search in
 * @param filter an MLflow filter expression such as {@code name = 'clf' AND tags.team = 'ml'
 * AND params.alpha = '0.1'}, or {@code null} for all active models
 * @param orderBy the order, first criterion first
 * @param pageSize how many models to fetch per request (at least 1; always sent, so the
 * server's own default never applies)
 */
public record LoggedModelSearch(List<String> experimentIds, @Nullable String filter, List<Order> orderBy,
		int pageSize) {

	/** Page size used unless another is chosen (the default of MLflow's SQL store). */
	public static final int DEFAULT_PAGE_SIZE = 100;

	public LoggedModelSearch {
		experimentIds = List.copyOf(experimentIds);
		orderBy = List.copyOf(orderBy);
		if (experimentIds.isEmpty()) {
			throw new IllegalArgumentException("At least one experiment id is needed to search logged models");
		}
		if (pageSize < 1) {
			throw new IllegalArgumentException("Page size must be at least 1 but was " + pageSize);
		}
	}

	/**
	 * All active logged models of the given experiments.
	 * @param experimentIds the experiment ids
	 * @return the search
	 */
	public static LoggedModelSearch in(String... experimentIds) {
		return new LoggedModelSearch(List.of(experimentIds), null, List.of(), DEFAULT_PAGE_SIZE);
	}

	/**
	 * This search with a filter.
	 * @param filter the filter expression
	 * @return a new search
	 */
	public LoggedModelSearch withFilter(@Nullable String filter) {
		return new LoggedModelSearch(this.experimentIds, filter, this.orderBy, this.pageSize);
	}

	/**
	 * This search with another order.
	 * @param orderBy the criteria, first criterion first
	 * @return a new search
	 */
	public LoggedModelSearch withOrderBy(Order... orderBy) {
		return new LoggedModelSearch(this.experimentIds, this.filter, List.of(orderBy), this.pageSize);
	}

	/**
	 * This search with another page size.
	 * @param pageSize the page size
	 * @return a new search
	 */
	public LoggedModelSearch withPageSize(int pageSize) {
		return new LoggedModelSearch(this.experimentIds, this.filter, this.orderBy, pageSize);
	}

	/**
	 * One order criterion.
	 *
	 * @param fieldName the field, such as {@code name}, {@code creation_timestamp} or
	 * {@code metrics.<key>}
	 * @param ascending whether smaller values come first
	 */
	public record Order(String fieldName, boolean ascending) {

		/**
		 * Smaller values first.
		 * @param fieldName the field
		 * @return the criterion
		 */
		public static Order ascending(String fieldName) {
			return new Order(fieldName, true);
		}

		/**
		 * Larger values first.
		 * @param fieldName the field
		 * @return the criterion
		 */
		public static Order descending(String fieldName) {
			return new Order(fieldName, false);
		}

	}

}
