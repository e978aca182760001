package io.pocketdock.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.pocketdock.PocketDockException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Every tool the server offers, wired to the MCP SDK: answers as JSON, errors as tool errors. */
final class PocketDockTools {
  private final McpJsonMapper json;
  private final List<ToolSpec> specs = new ArrayList<>();

  PocketDockTools(McpJsonMapper json, Sandboxes sandboxes) {
    this.json = json;
    specs.addAll(new SandboxTools(sandboxes).tools());
    specs.addAll(new CodeTools(sandboxes).tools());
    specs.addAll(new ProcessTools(sandboxes).tools());
    specs.addAll(new FileTools(sandboxes).tools());
    specs.addAll(new SessionTools(sandboxes).tools());
    specs.addAll(new PersistenceTools(sandboxes).tools());
  }

  List<ToolSpec> specs() {
    return List.copyOf(specs);
  }

  List<SyncToolSpecification> forServer() {
    List<SyncToolSpecification> out = new ArrayList<>();
    for (ToolSpec spec : specs) {
      McpSchema.Tool tool =
          McpSchema.Tool.builder(spec.name(), json, spec.inputSchema())
              .description(spec.description())
              .build();
      out.add(
          SyncToolSpecification.builder()
              .tool(tool)
              .callHandler((exchange, request) -> call(spec, new Args(request.arguments())))
              .build());
    }
    return out;
  }

  /** Runs one call; every failure becomes a result with {@code isError: true}. */
  CallToolResult call(ToolSpec spec, Args args) {
    try {
      Reply reply = spec.handler().call(args);
      List<McpSchema.Content> content = new ArrayList<>();
      content.add(McpSchema.TextContent.builder(json.writeValueAsString(reply.body())).build());
      content.addAll(reply.extra());
      return CallToolResult.builder().content(content).structuredContent(reply.body()).isError(false).build();
    } catch (ToolError e) {
      return error(e.getMessage(), e.hint());
    } catch (PocketDockException e) {
      return error(e.getMessage(), e.hint().orElse(null));
    } catch (IOException e) {
      return error("could not encode the answer: " + e.getMessage(), null);
    } catch (Exception e) {
      return error(spec.name() + " failed: " + e, "this looks like a bug in the pocket-dock MCP server");
    }
  }

  private static CallToolResult error(String message, @Nullable String hint) {
    String text = hint == null || hint.isEmpty() ? message : message + "\nhint: " + hint;
    return CallToolResult.builder().addTextContent(text).isError(true).build();
  }
}
