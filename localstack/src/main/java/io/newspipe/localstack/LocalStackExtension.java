package io.newspipe.localstack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands integration tests the {@link LocalStack}: a real broker, registry and database,
 * started once per test JVM (on first use) and shut down when the JVM exits. Use with
 * {@code @ExtendWith(LocalStackExtension.class)} and a {@code LocalStack} parameter (constructor, lifecycle or test
 * method).
 */
public final class LocalStackExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return parameterContext.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return LocalStack.shared();
    }
}
