package io.github.mlflowstarter.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that hands tests one real basic-auth MLflow server
 * ({@link BasicAuthMlflowServer}), shared by every test class of the test run and stopped when
 * the run ends. Declare a parameter of type {@link BasicAuthMlflowServer}.
 */
public final class SharedBasicAuthMlflowServer implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(SharedBasicAuthMlflowServer.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == BasicAuthMlflowServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return extensionContext.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent("server", (key) -> BasicAuthMlflowServer.startNew(), BasicAuthMlflowServer.class);
	}

}
