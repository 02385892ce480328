package io.github.mlflowstarter.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that hands tests one real MLflow server, shared by every test class of the
 * test run (starting a server takes several seconds) and stopped when the run ends. Declare a
 * parameter of type {@link MlflowServer} in a test, a lifecycle method or a constructor.
 * <p>
 * Tests that stop the server must start their own with {@link MlflowServer#startNew(String...)}.
 */
public final class SharedMlflowServer implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(SharedMlflowServer.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == MlflowServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return extensionContext.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent("server", (key) -> MlflowServer.startNew(), MlflowServer.class);
	}

}
