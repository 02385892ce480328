package io.github.mlflowstarter.client;

import org.jspecify.annotations.Nullable;

/**
 * Checks of the arguments of client calls, made before anything is sent.
 */
final class Arguments {

	private Arguments() {
	}

	/**
	 * Refuses a null or blank text.
	 * @param value the argument
	 * @param name the parameter name, for the message
	 * @throws IllegalArgumentException naming the parameter
	 */
	static void requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be null or blank");
		}
	}

}
