package io.github.mlflowstarter.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Stage of a model version. MLflow deprecates stages in favour of
 * {@linkplain RegisteredModelAlias aliases}, but its server still supports them.
 */
public enum ModelVersionStage {

	/** Not in any stage, the stage of every new version. */
	NONE("None"),

	/** Being validated. */
	STAGING("Staging"),

	/** In production. */
	PRODUCTION("Production"),

	/** Retired. */
	ARCHIVED("Archived");

	private final String serverName;

	ModelVersionStage(String serverName) {
		this.serverName = serverName;
	}

	/**
	 * The name the server uses, such as {@code Production}.
	 * @return the server's name of the stage
	 */
	@JsonValue
	public String serverName() {
		return this.serverName;
	}

	/**
	 * The stage the server names, ignoring case as the server does.
	 * @param serverName a stage name such as {@code Production}
	 * @return the stage
	 * @throws IllegalArgumentException if the name is not one of the four stages
	 */
	@JsonCreator
	public static ModelVersionStage fromServerName(String serverName) {
		for (ModelVersionStage stage : values()) {
			if (stage.serverName.equalsIgnoreCase(serverName)) {
				return stage;
			}
		}
		throw new IllegalArgumentException(
				"Unknown model version stage '" + serverName + "'; MLflow knows None, Staging, Production, Archived");
	}

}
