package io.pocketdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.cli.terminal.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The CLI builds only the subcommand a command line names; everything else sees the whole tree. */
class LazySubcommandsTest {
  private final FakeDock dock = new FakeDock();

  @Test
  void subcommands_areNamedAsTheirAnnotationsSay() {
    for (Map.Entry<String, Class<?>> e : PocketDockCommand.SUBCOMMANDS.entrySet()) {
      Command c = e.getValue().getAnnotation(Command.class);
      assertThat(c).as(e.getKey()).isNotNull();
      assertThat(c.name()).isEqualTo(e.getKey());
    }
    assertThat(PocketDockCommand.SUBCOMMANDS).hasSize(26);
  }

  @Test
  void subcommandOf_skipsGlobalOptions() {
    assertThat(PocketDockCommand.subcommandOf(new String[] {"run", "box", "--", "true"}))
        .isEqualTo("run");
    assertThat(PocketDockCommand.subcommandOf(new String[] {"--socket", "/s", "-v", "list"}))
        .isEqualTo("list");
    assertThat(PocketDockCommand.subcommandOf(new String[] {"--socket=/s", "--verbose", "info", "x"}))
        .isEqualTo("info");
    // The socket's value is never taken for a subcommand, even when it looks like one.
    assertThat(PocketDockCommand.subcommandOf(new String[] {"--socket", "run", "list"}))
        .isEqualTo("list");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "--help", "-h", "--version", "help run", "completion", "nosuch x", "-x run"})
  void subcommandOf_isNullWhenTheWholeTreeIsNeeded(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    assertThat(PocketDockCommand.subcommandOf(args)).isNull();
  }

  @Test
  void namedSubcommand_isTheOnlyOneBuilt() {
    String[] args = {"--socket", "/nowhere", "run", "box", "--json", "--", "true"};
    CommandLine cmd = commandLine(args);
    assertThat(cmd.getSubcommands().keySet()).containsExactly("run");
    assertThat(cmd.parseArgs(args).subcommand().matchedPositionals()).isNotEmpty();
  }

  @Test
  void unknownSubcommand_getsTheUsualSuggestion() {
    TestCli.Result r = TestCli.run(dock, "lst");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("lst").contains("list");
  }

  @Test
  void helpForASubcommand_worksThroughTheWholeTree() {
    TestCli.Result r = TestCli.run(dock, "help", "run");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: pocket-dock run");
  }

  @Test
  void createKeepsItsShortV_whenBuiltAlone() {
    TestCli.Result r = TestCli.run(dock, "create", "-v", "/tmp:/data:ro", "--name", "lazy-v");
    assertThat(r.err()).doesNotContain("Unknown option");
  }

  private CommandLine commandLine(String[] args) {
    PrintWriter w = new PrintWriter(new StringWriter());
    return PocketDockCommand.commandLine(
        new PocketDockCommand(Terminal.none(), dock.connector()), w, w, args);
  }
}
