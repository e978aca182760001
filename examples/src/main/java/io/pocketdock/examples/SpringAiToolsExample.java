package io.pocketdock.examples;

import io.pocketdock.Container;
import io.pocketdock.PocketDock;
import io.pocketdock.springai.PocketDockToolCallbackProvider;
import org.springframework.ai.tool.ToolCallback;

/**
 * pocket-dock as Spring AI tool callbacks, without an LLM: prints each tool's definition, then calls
 * them with JSON arguments exactly as Spring AI does when a model asks for a tool. With a model,
 * pass the provider to {@code ChatClient.prompt(...).toolCallbacks(provider)}.
 */
public final class SpringAiToolsExample {
  private SpringAiToolsExample() {}

  /** Lists the tools and calls two of them. */
  public static void main(String[] args) {
    try (PocketDock dock = PocketDock.connect();
        Container box = dock.create()) {
      PocketDockToolCallbackProvider provider = new PocketDockToolCallbackProvider(box);
      for (ToolCallback tool : provider.getToolCallbacks()) {
        System.out.println(tool.getToolDefinition().name() + " " + tool.getToolDefinition().inputSchema());
        if (tool.getToolDefinition().name().equals("run_python")) {
          System.out.println(tool.call("{\"code\": \"sum(range(101))\"}"));
        }
        if (tool.getToolDefinition().name().equals("run_shell_command")) {
          System.out.println(tool.call("{\"command\": \"id -un; pwd\"}"));
        }
      }
    }
  }
}
