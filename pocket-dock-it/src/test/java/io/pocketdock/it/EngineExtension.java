package io.pocketdock.it;

import io.pocketdock.EngineInfo;
import io.pocketdock.PocketDock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Expands each {@link EngineTest} once per engine named in {@code -Dpocketdock.engines} (default
 * both), connects a {@link PocketDock} to it, closes it after the test, and after the class sweeps
 * containers labelled with this run: any found fails the class as a leak.
 */
public final class EngineExtension implements TestTemplateInvocationContextProvider, AfterAllCallback {

  static List<EngineInfo.Kind> engines() {
    String value = System.getProperty("pocketdock.engines", "podman,docker");
    List<EngineInfo.Kind> out = new ArrayList<>();
    for (String s : value.split(",")) {
      if (!s.isBlank()) {
        out.add(EngineInfo.Kind.valueOf(s.trim().toUpperCase(Locale.ROOT)));
      }
    }
    return out;
  }

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return true;
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    return engines().stream().map(EngineInvocation::new);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String> leaks = new ArrayList<>();
    for (EngineInfo.Kind kind : engines()) {
      leaks.addAll(LeakSweeper.sweep(TestEngine.socketOf(kind), kind));
    }
    if (!leaks.isEmpty()) {
      throw new AssertionError(
          context.getDisplayName() + " left containers behind (now removed): " + leaks);
    }
  }

  /** One engine's run of a test. */
  private static final class EngineInvocation implements TestTemplateInvocationContext {
    private final EngineInfo.Kind kind;

    EngineInvocation(EngineInfo.Kind kind) {
      this.kind = kind;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return "[" + kind.id() + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return Arrays.asList(new Resolver(kind));
    }
  }

  /** Supplies the {@link TestEngine} and closes its dock after the test. */
  private static final class Resolver implements ParameterResolver, AfterTestExecutionCallback {
    private final EngineInfo.Kind kind;

    Resolver(EngineInfo.Kind kind) {
      this.kind = kind;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == TestEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      java.nio.file.Path socket = TestEngine.socketOf(kind);
      // No try/catch: a missing engine must fail the test loudly, never skip it.
      PocketDock dock = PocketDock.builder().socket(socket).build();
      if (dock.engine().kind() != kind) {
        dock.close();
        throw new AssertionError(socket + " is " + dock.engine().kind() + ", expected " + kind);
      }
      c.getStore(ExtensionContext.Namespace.create(Resolver.class)).put("dock", dock);
      return new TestEngine(kind, socket, dock);
    }

    @Override
    public void afterTestExecution(ExtensionContext c) {
      PocketDock dock =
          c.getStore(ExtensionContext.Namespace.create(Resolver.class)).remove("dock", PocketDock.class);
      if (dock != null) {
        dock.close();
      }
    }
  }
}
