package io.pocketdock.it.fault;

import io.pocketdock.EngineInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Expands {@link PrivateEngineTest}s per engine and owns each private engine's lifetime. */
public final class PrivateEngineExtension implements TestTemplateInvocationContextProvider {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(PrivateEngineExtension.class);

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return true;
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    String value = System.getProperty("pocketdock.engines", "podman,docker");
    return Stream.of(value.split(","))
        .filter(s -> !s.isBlank())
        .map(s -> EngineInfo.Kind.valueOf(s.trim().toUpperCase(Locale.ROOT)))
        .map(Invocation::new);
  }

  private record Invocation(EngineInfo.Kind kind) implements TestTemplateInvocationContext {
    @Override
    public String getDisplayName(int invocationIndex) {
      return "[" + kind.id() + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new Resolver(kind));
    }
  }

  private record Resolver(EngineInfo.Kind kind)
      implements ParameterResolver, AfterTestExecutionCallback {
    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == PrivateEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      try {
        PrivateEngine engine = PrivateEngine.start(kind);
        c.getStore(NS).put("engine", engine);
        return engine;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start a private " + kind.id() + " engine", e);
      }
    }

    @Override
    public void afterTestExecution(ExtensionContext c) {
      PrivateEngine engine = c.getStore(NS).remove("engine", PrivateEngine.class);
      if (engine != null) {
        engine.close();
      }
    }
  }
}
