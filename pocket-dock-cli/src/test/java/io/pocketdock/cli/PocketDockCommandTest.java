package io.pocketdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PocketDockCommandTest {
  private final FakeDock dock = new FakeDock();

  @Test
  void noArguments_printsUsageAndExits2() {
    TestCli.Result r = TestCli.run(dock);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: missing command").contains("Usage: pocket-dock");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void version_printsCliAndJavaVersions() {
    TestCli.Result r = TestCli.run(dock, "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("pocket-dock ").contains("Java ");
  }

  @Test
  void help_listsEverySubcommandAndExitCodes() {
    TestCli.Result r = TestCli.run(dock, "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("quickstart", "init", "status", "doctor", "logs", "create", "run", "shell")
        .contains("info", "list", "reboot", "stop", "resume", "shutdown", "destroy", "snapshot")
        .contains("prune", "push", "pull", "profiles", "build", "export", "import", "completion")
        .contains("--socket", "--verbose")
        .contains("124");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "quickstart", "init", "status", "doctor", "logs", "create", "run", "shell", "info", "list",
        "reboot", "stop", "resume", "shutdown", "destroy", "snapshot", "prune", "push", "pull",
        "profiles", "build", "export", "import", "completion"
      })
  void subcommandHelp_showsUsageGlobalOptionsAndAnExample(String command) {
    TestCli.Result r = TestCli.run(dock, command, "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("Usage: pocket-dock " + command)
        .contains("--socket", "--verbose")
        .contains("Examples:", "pocket-dock " + command);
    assertThat(dock.connects).isEmpty();
  }

  @Test
  void unknownCommand_exits2WithSuggestionAndUsage() {
    TestCli.Result r = TestCli.run(dock, "crate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains("crate").contains("create").contains("Usage:");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownOption_exits2WithTheSubcommandsUsage() {
    TestCli.Result r = TestCli.run(dock, "info", "box", "--bogus");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--bogus").contains("Usage: pocket-dock info");
  }

  @Test
  void missingParameter_exits2() {
    TestCli.Result r = TestCli.run(dock, "info");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("CONTAINER").contains("Usage: pocket-dock info");
  }

  @Test
  void socket_beforeTheSubcommand_reachesTheConnector() {
    dock.add("box");
    TestCli.Result r = TestCli.run(dock, "--socket", "/tmp/a.sock", "info", "box", "--json");
    assertThat(r.code()).isZero();
    assertThat(dock.connects).containsExactly(Optional.of(Path.of("/tmp/a.sock")));
  }

  @Test
  void socket_afterTheSubcommand_reachesTheConnector() {
    dock.add("box");
    TestCli.run(dock, "info", "--socket", "/tmp/b.sock", "box", "--json");
    assertThat(dock.connects).containsExactly(Optional.of(Path.of("/tmp/b.sock")));
  }

  @Test
  void noSocket_letsTheSdkDiscover() {
    dock.add("box");
    TestCli.run(dock, "info", "box", "--json");
    assertThat(dock.connects).containsExactly(Optional.empty());
  }

  @Test
  void verbose_anywhere_isSeenByTheRoot() {
    PocketDockCommand root = new PocketDockCommand(io.pocketdock.cli.terminal.Terminal.none(), dock.connector());
    dock.add("box");
    TestCli.run(root, "info", "box", "-v", "--json");
    assertThat(root.global().verbose()).isTrue();

    PocketDockCommand other = new PocketDockCommand(io.pocketdock.cli.terminal.Terminal.none(), dock.connector());
    TestCli.run(other, "--verbose", "info", "box", "--json");
    assertThat(other.global().verbose()).isTrue();

    PocketDockCommand quiet = new PocketDockCommand(io.pocketdock.cli.terminal.Terminal.none(), dock.connector());
    TestCli.run(quiet, "info", "box", "--json");
    assertThat(quiet.global().verbose()).isFalse();
  }

  @Test
  void everyConnection_isClosed() {
    dock.add("box");
    TestCli.run(dock, "info", "box", "--json");
    TestCli.run(dock, "run", "box", "true");
    assertThat(dock.closes).isEqualTo(dock.connects.size()).isEqualTo(2);
  }
}
