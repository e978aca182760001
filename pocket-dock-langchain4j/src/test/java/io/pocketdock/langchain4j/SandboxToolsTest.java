package io.pocketdock.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What LangChain4j tells a model about the tools: names, descriptions, parameters. */
class SandboxToolsTest {

  @Test
  void toolSpecifications_describeEveryToolWithItsParameters() {
    Map<String, ToolSpecification> specs =
        ToolSpecifications.toolSpecificationsFrom(SandboxTools.class).stream()
            .collect(Collectors.toMap(ToolSpecification::name, s -> s));
    assertThat(specs.keySet()).containsExactlyInAnyOrder("runShellCommand", "runPython", "writeFile", "readFile");
    assertThat(specs.get("runShellCommand").description()).contains("sandbox");
    assertThat(specs.get("runShellCommand").parameters().required()).isEqualTo(List.of("command"));
    assertThat(specs.get("writeFile").parameters().required()).containsExactly("path", "content");
    assertThat(specs.get("runPython").description()).contains("persistent");
  }

  @Test
  void clip_longOutput_keepsHeadAndTail() {
    String s = "A" + "x".repeat(40_000) + "Z";
    String c = SandboxTools.clip(s);
    assertThat(c).startsWith("A").endsWith("Z").contains("characters omitted");
    assertThat(c.length()).isLessThan(SandboxTools.MAX_CHARS + 100);
  }
}
