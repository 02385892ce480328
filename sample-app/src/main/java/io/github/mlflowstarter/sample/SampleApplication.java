package io.github.mlflowstarter.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * A training job: runs once, logs to MLflow, and exits. The exit code is 0 when training
 * succeeded; the MLflow run then ends {@code FINISHED}, otherwise {@code FAILED}.
 */
@SpringBootApplication
@EnableConfigurationProperties(TrainingProperties.class)
public class SampleApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(SampleApplication.class, args)));
	}

}
