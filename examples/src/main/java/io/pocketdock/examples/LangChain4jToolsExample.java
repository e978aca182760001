package io.pocketdock.examples;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import io.pocketdock.Container;
import io.pocketdock.PocketDock;
import io.pocketdock.langchain4j.SandboxTools;

/**
 * pocket-dock as LangChain4j tools, without an LLM: prints what the model would be told about the
 * tools, then calls them the way the agent loop would. With a model, pass the same object to
 * {@code AiServices.builder(Assistant.class).chatModel(model).tools(tools).build()}.
 */
public final class LangChain4jToolsExample {
  private LangChain4jToolsExample() {}

  /** Lists the tool specifications and calls each tool once. */
  public static void main(String[] args) {
    try (PocketDock dock = PocketDock.connect();
        Container box = dock.create()) {
      SandboxTools tools = new SandboxTools(box);
      for (ToolSpecification spec : ToolSpecifications.toolSpecificationsFrom(tools)) {
        System.out.println(spec.name() + ": " + spec.description());
      }
      System.out.println(tools.runShellCommand("uname -sm; python3 --version"));
      System.out.println(tools.runPython("primes = [n for n in range(2, 50) if all(n % d for d in range(2, n))]\nlen(primes)"));
      System.out.println(tools.writeFile("hello.py", "print('hello from the sandbox')\n"));
      System.out.println(tools.runShellCommand("python3 hello.py"));
    }
  }
}
