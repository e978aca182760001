package io.pocketdock.mcp;

/**
 * One tool as the model sees it: name, description, JSON schema of its arguments, and what it does.
 *
 * @param name the tool name
 * @param description what it does and when to use it, written for a model
 * @param inputSchema JSON schema of the arguments, as JSON text
 * @param handler runs a call
 */
record ToolSpec(String name, String description, String inputSchema, Handler handler) {

  /** Runs one call; throws {@link ToolError} or an SDK exception for errors the model can act on. */
  @FunctionalInterface
  interface Handler {
    Reply call(Args args) throws Exception;
  }
}
