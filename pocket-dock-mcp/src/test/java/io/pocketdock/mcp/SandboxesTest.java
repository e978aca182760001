package io.pocketdock.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.ContainerSpec;
import io.pocketdock.PocketDock;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which {@code sandbox_create} calls the warm pool serves: exactly the default settings. */
class SandboxesTest {
  private static final Supplier<PocketDock> NO_ENGINE =
      () -> {
        throw new AssertionError("no engine in unit tests");
      };

  @Test
  void warmable_noArgumentsOrTheDefaultsSpelledOut_takesFromThePool() {
    Sandboxes sandboxes = new Sandboxes(NO_ENGINE, ServerOptions.parse("--label", "team=a"));
    assertThat(sandboxes.warmable(specFor(sandboxes, Map.of()))).isTrue();
    assertThat(
            sandboxes.warmable(
                specFor(
                    sandboxes,
                    Map.of("profile", "minimal", "memory", "1024m", "network", false, "persist", false))))
        .isTrue();
  }

  @Test
  void warmable_anyOtherSetting_createsCold() {
    Sandboxes sandboxes = new Sandboxes(NO_ENGINE, ServerOptions.parse("--allow-network"));
    for (Map<String, Object> args :
        java.util.List.<Map<String, Object>>of(
            Map.of("memory", "512m"),
            Map.of("cpu_percent", 50),
            Map.of("network", true),
            Map.of("persist", true),
            Map.of("profile", "dev"))) {
      assertThat(sandboxes.warmable(specFor(sandboxes, args))).as(args.toString()).isFalse();
    }
    ContainerSpec fromSnapshot =
        sandboxes.spec(SandboxTools.requested(new Args(null), sandboxes.options()), "localhost/pocket-dock-snapshot/s:latest");
    assertThat(sandboxes.warmable(fromSnapshot)).isFalse();
  }

  @Test
  void warmable_operatorSettingsAreThePoolsToo(@TempDir Path dir) {
    Sandboxes sandboxes =
        new Sandboxes(
            NO_ENGINE,
            ServerOptions.parse("--memory", "2g", "--image", "localhost/x:1", "-v", dir + ":/data:ro"));
    ContainerSpec spec = specFor(sandboxes, Map.of());
    assertThat(sandboxes.warmable(spec)).isTrue();
    assertThat(spec.image()).isEqualTo("localhost/x:1");
    assertThat(spec.volumes()).hasSize(1);
    assertThat(spec.labels()).containsEntry(Sandboxes.SERVER_LABEL, sandboxes.serverId());
    assertThat(sandboxes.warmable(specFor(sandboxes, Map.of("memory", "1g")))).isFalse();
  }

  @Test
  void warmable_warmZero_nothingComesFromAPool() {
    Sandboxes sandboxes = new Sandboxes(NO_ENGINE, ServerOptions.parse("--warm", "0"));
    assertThat(sandboxes.warmable(specFor(sandboxes, Map.of()))).isFalse();
  }

  private static ContainerSpec specFor(Sandboxes sandboxes, Map<String, Object> arguments) {
    Args args = new Args(new HashMap<>(arguments));
    return sandboxes.spec(SandboxTools.requested(args, sandboxes.options()), null);
  }
}
