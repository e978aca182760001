package io.pocketdock.springai;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.PocketDock;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.ai.tool.ToolCallback;

/** The Spring AI tool callbacks against a real sandbox, called with JSON as a chat model would. */
class PocketDockToolCallbackProviderIT {

  static Stream<String> engines() {
    return Stream.of(System.getProperty("pocketdock.engines", "podman,docker").split(","));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("engines")
  void callbacks_calledWithJson_runInTheSandbox(String engine) {
    Path socket = Path.of(engine.equals("podman") ? "/run/podman/podman.sock" : "/var/run/docker.sock");
    try (PocketDock dock = PocketDock.builder().socket(socket).build();
        Container box =
            dock.create(
                ContainerSpec.builder()
                    .image("localhost/pocket-dock/minimal:latest")
                    .labels(Map.of("io.pocketdock.test-run", "spring-ai-it"))
                    .build())) {
      Map<String, ToolCallback> tools =
          Arrays.stream(new PocketDockToolCallbackProvider(box).getToolCallbacks())
              .collect(Collectors.toMap(t -> t.getToolDefinition().name(), Function.identity()));
      assertThat(tools.keySet()).containsExactlyInAnyOrder("run_shell_command", "run_python", "write_file", "read_file");
      assertThat(tools.get("run_shell_command").getToolDefinition().inputSchema()).contains("\"command\"", "required");

      assertThat(tools.get("run_shell_command").call("{\"command\": \"echo hi; exit 3\"}"))
          .contains("exit code: 3", "hi");
      tools.get("run_python").call("{\"code\": \"x = 6 * 7\"}");
      assertThat(tools.get("run_python").call("{\"code\": \"x\"}")).contains("42");
      assertThat(tools.get("write_file").call("{\"path\": \"a/b.txt\", \"content\": \"hello\"}")).contains("wrote 5 bytes");
      assertThat(tools.get("read_file").call("{\"path\": \"a/b.txt\"}")).contains("hello");
      assertThat(tools.get("read_file").call("{\"path\": \"nope.txt\"}")).contains("error:", "nope.txt");
      assertThat(box.readText("/home/sandbox/a/b.txt")).isEqualTo("hello");
    }
  }
}
