package io.pocketdock.springai;

import io.pocketdock.Container;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;

/**
 * A Spring AI {@link ToolCallbackProvider} whose tools work in one pocket-dock sandbox:
 * {@code run_shell_command}, {@code run_python} (state kept between calls), {@code write_file} and
 * {@code read_file}.
 *
 * <pre>{@code
 * try (PocketDock dock = PocketDock.connect(); Container box = dock.create()) {
 *   String answer = ChatClient.create(chatModel).prompt("What is the 20th Fibonacci number? Compute it.")
 *       .toolCallbacks(new PocketDockToolCallbackProvider(box))
 *       .call().content();
 * }
 * }</pre>
 *
 * <p>The caller owns the container (in a Spring app, a bean with {@code destroyMethod = "close"}).
 */
public final class PocketDockToolCallbackProvider implements ToolCallbackProvider {
  private final ToolCallback[] callbacks;

  /** Tools over {@code container}. */
  public PocketDockToolCallbackProvider(Container container) {
    this.callbacks =
        MethodToolCallbackProvider.builder()
            .toolObjects(new SandboxToolset(container))
            .build()
            .getToolCallbacks();
  }

  @Override
  public ToolCallback[] getToolCallbacks() {
    return callbacks.clone();
  }
}
