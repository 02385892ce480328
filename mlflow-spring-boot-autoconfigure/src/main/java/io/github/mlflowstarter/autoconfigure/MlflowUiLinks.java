package io.github.mlflowstarter.autoconfigure;

import java.net.URI;

import io.github.mlflowstarter.client.model.RunInfo;

/**
 * Links into the MLflow web UI.
 */
public final class MlflowUiLinks {

	private MlflowUiLinks() {
	}

	/**
	 * The UI page of a run.
	 * @param trackingUri the tracking server
	 * @param run the run
	 * @return the URL of the run's page
	 */
	public static String run(URI trackingUri, RunInfo run) {
		return base(trackingUri) + "/#/experiments/" + run.experimentId() + "/runs/" + run.runId();
	}

	/**
	 * The UI page of an experiment.
	 * @param trackingUri the tracking server
	 * @param experimentId the experiment id
	 * @return the URL of the experiment's page
	 */
	public static String experiment(URI trackingUri, String experimentId) {
		return base(trackingUri) + "/#/experiments/" + experimentId;
	}

	private static String base(URI trackingUri) {
		String text = trackingUri.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

}
