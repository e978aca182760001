package io.pocketdock.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.PocketDock;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The LangChain4j tools against a real sandbox on each engine, called as an agent would. */
class SandboxToolsIT {

  static Stream<String> engines() {
    return Stream.of(System.getProperty("pocketdock.engines", "podman,docker").split(","));
  }

  private static Path socket(String engine) {
    return Path.of(engine.equals("podman") ? "/run/podman/podman.sock" : "/var/run/docker.sock");
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("engines")
  void tools_shellPythonAndFiles_answerInText(String engine) {
    try (PocketDock dock = PocketDock.builder().socket(socket(engine)).build();
        Container box =
            dock.create(
                ContainerSpec.builder()
                    .image("localhost/pocket-dock/minimal:latest")
                    .labels(Map.of("io.pocketdock.test-run", "langchain4j-it"))
                    .build())) {
      SandboxTools tools = new SandboxTools(box);
      assertThat(tools.runShellCommand("echo hi; echo oops >&2; exit 2"))
          .isEqualTo("exit code: 2\nstdout:\nhi\n\nstderr:\noops\n");
      assertThat(tools.runPython("import math\nr = 3")).isEmpty();
      assertThat(tools.runPython("print('area')\nround(math.pi * r * r, 2)")).isEqualTo("area\n28.27");
      assertThat(tools.runPython("undefined_name")).contains("NameError", "undefined_name");
      assertThat(tools.writeFile("notes/a.txt", "héllo\n")).isEqualTo("wrote 7 bytes to notes/a.txt");
      assertThat(tools.readFile("notes/a.txt")).isEqualTo("héllo\n");
      assertThat(tools.readFile("missing.txt")).startsWith("error:").contains("missing.txt");
      PocketDockCodeExecutionEngine engine2 = new PocketDockCodeExecutionEngine(box);
      assertThat(engine2.execute("x = 6 * 7\nx")).isEqualTo("42");
      engine2.reset();
      assertThat(engine2.execute("'x' in globals()")).isEqualTo("False");
    }
  }
}
