package io.pocketdock.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code pocket-dock mcp}: runs the MCP server over stdio. The server lives in its own jar
 * (pocket-dock-mcp, with the MCP SDK and Jackson) so that this CLI stays small and quick to
 * start; {@code bin/pocket-dock mcp} execs that jar directly, and this command does the same
 * for {@code java -jar pocket-dock.jar mcp}, with the same JVM binary and the same stdio.
 */
@Command(
    name = "mcp",
    description =
        "Runs the MCP server over stdio, for agents (Claude, Cursor, ...). Options go to the"
            + " server: --socket, --max-sandboxes, --allow-network, --volume, --memory, --warm; see"
            + " docs/agents.md.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  pocket-dock mcp",
      "  pocket-dock mcp --max-sandboxes 3 --volume /srv/data:/data:ro"
    })
public final class McpCommand extends DockCommand {
  static final String JAR = "pocket-dock-mcp/target/pocket-dock-mcp.jar";

  @Unmatched List<String> serverArgs = new ArrayList<>();

  /** Used by picocli. */
  public McpCommand() {}

  @Override
  public Integer call() throws Exception {
    Path jar = locate();
    if (jar == null) {
      err().println("error: the MCP server jar is not built (" + JAR + ")");
      err().println("hint: run it through bin/pocket-dock mcp, which builds it, or scripts/mvn -pl pocket-dock-mcp -am package");
      err().flush();
      return 1;
    }
    List<String> argv = new ArrayList<>();
    argv.add(ProcessHandle.current().info().command().orElse("java"));
    argv.addAll(List.of("-jar", jar.toString()));
    argv.addAll(serverArgs);
    return new ProcessBuilder(argv).inheritIO().start().waitFor();
  }

  private static @org.jspecify.annotations.Nullable Path locate() {
    String home = System.getenv("POCKET_DOCK_HOME");
    if (home != null && !home.isBlank() && Files.isRegularFile(Path.of(home, JAR))) {
      return Path.of(home, JAR);
    }
    Path own = SetupScript.ownJar();
    if (own != null && own.toAbsolutePath().getParent() != null) {
      Path repo = own.toAbsolutePath().getParent().getParent().getParent();
      if (repo != null && Files.isRegularFile(repo.resolve(JAR))) {
        return repo.resolve(JAR);
      }
    }
    return null;
  }
}
