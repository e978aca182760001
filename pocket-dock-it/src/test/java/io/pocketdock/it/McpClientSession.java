package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real MCP client (the MCP Java SDK's) talking to {@code pocket-dock-mcp.jar} over stdio, as an
 * agent's host would. Every sandbox the server creates carries this run's test label (so the leak
 * sweeper finds leftovers) and a label unique to this session.
 */
final class McpClientSession implements AutoCloseable {
  /** A label only this session's sandboxes carry. */
  static final String SESSION_LABEL = "io.pocketdock.test-mcp";

  final String sessionId = UUID.randomUUID().toString();
  final McpSyncClient client;
  final McpSchema.InitializeResult init;

  McpClientSession(TestEngine engine, String... extraArgs) {
    List<String> args = new ArrayList<>();
    args.add("-jar");
    args.add(System.getProperty("pocketdock.mcpJar", "../pocket-dock-mcp/target/pocket-dock-mcp.jar"));
    args.addAll(List.of("--socket", engine.socket().toString()));
    args.addAll(List.of("--label", TestEngine.RUN_LABEL + "=" + TestEngine.RUN_ID));
    args.addAll(List.of("--label", SESSION_LABEL + "=" + sessionId));
    args.addAll(List.of(extraArgs));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StdioClientTransport transport =
        new StdioClientTransport(
            ServerParameters.builder(java).args(args).build(), McpJsonDefaults.getMapper());
    // The server's diagnostics (e.g. a sandbox it could not shut down) show in the test report.
    transport.setStdErrorHandler(line -> System.err.println("[mcp server] " + line));
    client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120)).build();
    init = client.initialize();
  }

  /** Calls a tool and returns the result, error or not. */
  CallToolResult call(String tool, Map<String, Object> arguments) {
    return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
  }

  /** Calls a tool that must succeed and returns its structured answer. */
  @SuppressWarnings("unchecked")
  Map<String, Object> ok(String tool, Map<String, Object> arguments) {
    CallToolResult r = call(tool, arguments);
    assertThat(r.isError()).as(tool + " failed: " + text(r)).isFalse();
    return (Map<String, Object>) r.structuredContent();
  }

  /** Calls a tool that must fail and returns its error text. */
  String error(String tool, Map<String, Object> arguments) {
    CallToolResult r = call(tool, arguments);
    assertThat(r.isError()).as(tool + " should fail but answered " + text(r)).isTrue();
    return text(r);
  }

  static String text(CallToolResult r) {
    StringBuilder b = new StringBuilder();
    for (McpSchema.Content c : r.content()) {
      if (c instanceof McpSchema.TextContent t) {
        b.append(t.text());
      }
    }
    return b.toString();
  }

  /** Creates a sandbox and returns its id. */
  String createSandbox() {
    return (String) ok("sandbox_create", Map.of()).get("sandbox_id");
  }

  /** Disconnects like a client that quits: closes the server's stdin. */
  @Override
  public void close() {
    client.closeGracefully();
  }
}
