package io.github.mlflowstarter.client.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Conversions between tag lists and maps.
 */
final class Tags {

	private Tags() {
	}

	static Map<String, String> toMap(Collection<Tag> tags) {
		Map<String, String> map = new LinkedHashMap<>();
		for (Tag tag : tags) {
			map.put(tag.key(), (tag.value() != null) ? tag.value() : "");
		}
		return Collections.unmodifiableMap(map);
	}

}
