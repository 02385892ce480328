package io.github.mlflowstarter.client;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows MLflow page tokens: fetches the first page, then the next one while the server hands
 * out a new token. Stops on an absent or empty token, and on a token equal to the previous one (a
 * server that hands back the same token would otherwise be asked forever).
 *
 * @param <P> the page type
 */
final class PageTokenPager<P> {

	private final Function<@Nullable String, Mono<P>> fetch;

	private final Function<P, @Nullable String> nextToken;

	PageTokenPager(Function<@Nullable String, Mono<P>> fetch, Function<P, @Nullable String> nextToken) {
		this.fetch = fetch;
		this.nextToken = nextToken;
	}

	Flux<P> pages() {
		return Flux.defer(() -> pagesFrom(null));
	}

	private Flux<P> pagesFrom(@Nullable String token) {
		return this.fetch.apply(token).flatMapMany((page) -> {
			String next = this.nextToken.apply(page);
			if (next == null || next.isEmpty() || Objects.equals(next, token)) {
				return Flux.just(page);
			}
			return Flux.just(page).concatWith(Flux.defer(() -> pagesFrom(next)));
		});
	}

}
