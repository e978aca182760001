package io.pocketdock.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.pocketdock.PocketDockException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;

/**
 * {@code pocket-dock mcp}: an MCP server on stdin/stdout. It runs until the client closes stdin,
 * then removes the sandboxes it created (persistent ones are stopped). Nothing but protocol
 * messages goes to stdout; diagnostics go to stderr.
 *
 * <p>The CLI's {@code mcp} subcommand calls {@link #run(String[], InputStream, OutputStream,
 * PrintStream)} with its arguments (a {@link PrintStream} such as {@code System.out} is an {@code
 * OutputStream}) and exits with the code it returns.
 */
public final class McpServerMain {
  /** The server's name in the MCP handshake. */
  public static final String SERVER_NAME = "pocket-dock";

  private McpServerMain() {}

  /** Runs the server on this process's stdin and stdout, and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * Runs the server until the client disconnects.
   *
   * @param args the options (see {@code --help})
   * @param in the client's messages (stdin)
   * @param out where the server's messages go (stdout); nothing else is written there
   * @param err diagnostics
   * @return 0 after a clean disconnect, 2 for bad options
   */
  public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
    ServerOptions options;
    try {
      options = ServerOptions.parse(args);
    } catch (IllegalArgumentException | PocketDockException e) {
      err.println("pocket-dock mcp: " + e.getMessage());
      err.println(ServerOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      err.println(ServerOptions.USAGE);
      return 0;
    }
    // The MCP SDK logs through SLF4J; keep it on stderr and quiet, stdout is the protocol.
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    CompletableFuture<Void> disconnected = new CompletableFuture<>();
    McpJsonMapper json = McpJsonDefaults.getMapper();
    try (LazyDock dock = new LazyDock(options.socket())) {
      Sandboxes sandboxes = new Sandboxes(dock, options);
      try {
        sandboxes.connect(); // and the warm pool starts: in the background, the answer waits for none
      } catch (PocketDockException e) {
        err.println("pocket-dock mcp: no engine yet (" + e.getMessage() + "); tools will retry");
      }
      Thread cleanup = new Thread(sandboxes::close, "pocket-dock-mcp-exit");
      Runtime.getRuntime().addShutdownHook(cleanup);
      StdioServerTransportProvider transport =
          new StdioServerTransportProvider(json, new EofWatch(in, disconnected), out);
      McpSyncServer server =
          McpServer.sync(transport)
              .serverInfo(SERVER_NAME, version())
              .jsonMapper(json)
              .instructions(INSTRUCTIONS)
              .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
              .tools(new PocketDockTools(json, sandboxes).forServer())
              .build();
      disconnected.join();
      sandboxes.close();
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException exiting) {
        // The JVM is already exiting; the hook does the same cleanup.
      }
    }
    return 0;
  }

  private static String version() {
    String v = McpServerMain.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static final String INSTRUCTIONS =
      """
      pocket-dock gives you disposable Linux sandboxes (containers on the user's machine) to run \
      code safely. Start with sandbox_create, then sandbox_run for shell commands, python_exec for \
      Python with state kept between calls, session_open/session_send for a shell that keeps cd, \
      variables and functions, file_write/file_read/file_list for files, and \
      process_start/process_poll for anything longer than about 50 seconds. sandbox_snapshot saves \
      a sandbox as an image to start new ones from. Sandboxes have no network unless the operator \
      allows it, and they are removed when this session ends unless created with persist.""";
}
