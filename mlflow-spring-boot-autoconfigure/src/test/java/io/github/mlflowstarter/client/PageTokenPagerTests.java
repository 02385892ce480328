package io.github.mlflowstarter.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PageTokenPager}.
 */
class PageTokenPagerTests {

	record Page(String name, @Nullable String next) {
	}

	@Test
	void followsTokensUntilTheLastPage() {
		Map<String, Page> pages = Map.of("", new Page("a", "t1"), "t1", new Page("b", "t2"), "t2", new Page("c", ""));
		PageTokenPager<Page> pager = new PageTokenPager<>((token) -> Mono.just(pages.get((token != null) ? token : "")),
				Page::next);
		StepVerifier.create(pager.pages().map(Page::name)).expectNext("a", "b", "c").verifyComplete();
	}

	@Test
	void stopsWhenTheServerRepeatsTheSameToken() {
		List<String> requested = new ArrayList<>();
		PageTokenPager<Page> pager = new PageTokenPager<>((token) -> {
			requested.add(String.valueOf(token));
			return Mono.just(new Page("p", "stuck"));
		}, Page::next);
		StepVerifier.create(pager.pages()).expectNextCount(2).verifyComplete();
		assertThat(requested).containsExactly("null", "stuck");
	}

	@Test
	void fetchesNothingUntilSubscribedAndOnlyWhatIsRequested() {
		List<String> requested = new ArrayList<>();
		PageTokenPager<Page> pager = new PageTokenPager<>((token) -> {
			requested.add(String.valueOf(token));
			return Mono.just(new Page("p" + requested.size(), "t" + requested.size()));
		}, Page::next);
		var pages = pager.pages();
		assertThat(requested).isEmpty();
		StepVerifier.create(pages.take(3)).expectNext(new Page("p1", "t1"), new Page("p2", "t2"), new Page("p3", "t3"))
			.verifyComplete();
		assertThat(requested).containsExactly("null", "t1", "t2");
	}

	@Test
	void errorOfAPageEndsTheFluxWithThatError() {
		PageTokenPager<Page> pager = new PageTokenPager<>(
				(token) -> (token == null) ? Mono.just(new Page("a", "t1")) : Mono.error(new IllegalStateException("boom")),
				Page::next);
		StepVerifier.create(pager.pages().map(Page::name)).expectNext("a").verifyErrorMessage("boom");
	}

}
