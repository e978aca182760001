package io.pocketdock.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.ExecResult;
import io.pocketdock.cli.FakeContainer;
import io.pocketdock.cli.FakeDock;
import io.pocketdock.cli.PocketDockCommand;
import io.pocketdock.cli.TestCli;
import io.pocketdock.cli.terminal.Terminal;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {
  private final FakeDock dock = new FakeDock();
  private final FakeContainer box = dock.add("box");

  @Test
  void optionsBeforeTheCommand_areOptions_restIsTheCommand() {
    RunCommand run = parse("run", "box", "--timeout", "5", "--json", "ls", "-la", "--json");
    assertThat(run.container).isEqualTo("box");
    assertThat(run.timeout).isEqualTo(5L);
    assertThat(run.json).isTrue();
    assertThat(run.command).containsExactly("ls", "-la", "--json");
  }

  @Test
  void doubleDash_endsTheOptions() {
    RunCommand run = parse("run", "box", "--", "--weird", "-v");
    assertThat(run.command).containsExactly("--weird", "-v");
    assertThat(run.json).isFalse();
  }

  @Test
  void run_joinsTheWordsIntoOneShellCommand() {
    TestCli.run(dock, "run", "box", "echo", "$HOME;", "ls", "-v");
    assertThat(box.commands).containsExactly("echo $HOME; ls -v");
    assertThat(box.options.get(0).timeout()).isNull();
  }

  @Test
  void timeout_becomesTheRunsTimeout() {
    TestCli.run(dock, "run", "box", "--timeout", "7", "true");
    assertThat(box.options.get(0).timeout()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void outputAndExitCode_passThrough() {
    box.result = new ExecResult(3, "out\n", "err\n", 12, false, false);
    TestCli.Result r = TestCli.run(dock, "run", "box", "exit", "3");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEqualTo("out\n");
    assertThat(r.err()).isEqualTo("err\n");
  }

  @Test
  void timeout_printsOneNoticeLineAndExits124() {
    box.result = new ExecResult(124, "partial\n", "", 1003, true, false);
    TestCli.Result r = TestCli.run(dock, "run", "box", "--timeout", "1", "sleep", "30");
    assertThat(r.code()).isEqualTo(124);
    assertThat(r.out()).isEqualTo("partial\n");
    assertThat(r.err().lines()).singleElement().asString().contains("timed out");
  }

  @Test
  void json_printsExactlyOneObject() {
    box.result = new ExecResult(1, "a\"b\n", "é\t", 42, false, true);
    TestCli.Result r = TestCli.run(dock, "run", "box", "--json", "x");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            "{\"exit_code\":1,\"stdout\":\"a\\\"b\\n\",\"stderr\":\"é\\t\",\"duration_ms\":42,"
                + "\"timed_out\":false,\"truncated\":true}\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void json_onTimeout_reports124AndTimedOut() {
    box.result = new ExecResult(137, "", "", 1000, true, false);
    TestCli.Result r = TestCli.run(dock, "run", "box", "--json", "sleep 9");
    assertThat(r.code()).isEqualTo(124);
    assertThat(r.out()).contains("\"exit_code\":124").contains("\"timed_out\":true");
  }

  @Test
  void missingCommand_isAUsageError() {
    TestCli.Result r = TestCli.run(dock, "run", "box");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("COMMAND").contains("Usage: pocket-dock run");
    assertThat(dock.connects).isEmpty();
  }

  @Test
  void nonNumericTimeout_isAUsageError() {
    assertThat(TestCli.run(dock, "run", "box", "--timeout", "soon", "true").code()).isEqualTo(2);
  }

  @Test
  void zeroTimeout_isRejectedByTheSdkBeforeConnecting() {
    TestCli.Result r = TestCli.run(dock, "run", "box", "--timeout", "0", "true");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: run: timeout must be positive");
    assertThat(dock.connects).isEmpty();
  }

  private RunCommand parse(String... args) {
    CommandLine cmd = PocketDockCommand.commandLine(
        new PocketDockCommand(Terminal.none(), dock.connector()),
        new PrintWriter(Writer.nullWriter()),
        new PrintWriter(Writer.nullWriter()));
    return (RunCommand) cmd.parseArgs(args).subcommand().commandSpec().userObject();
  }
}
