package io.pocketdock.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.cli.FakeContainer;
import io.pocketdock.cli.FakeDock;
import io.pocketdock.cli.TestCli;
import io.pocketdock.cli.terminal.Terminal;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShutdownCommandTest {
  private final FakeDock dock = new FakeDock();
  private final FakeContainer box = dock.add("box");

  @Test
  void noTerminalNoYes_refusesWithoutTouchingTheEngine_exit1() {
    TestCli.Result r = TestCli.run(dock, "shutdown", "box");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines())
        .containsExactly(
            "error: refusing to shut down box without confirmation: no terminal to ask on",
            "hint: pass --yes to confirm: pocket-dock shutdown box --yes");
    assertThat(dock.connects).isEmpty();
    assertThat(box.shutdowns).isZero();
  }

  @Test
  void yes_shutsDownWithoutAsking() {
    TestCli.Result r = TestCli.run(dock, "shutdown", "box", "--yes");
    assertThat(r.code()).isZero();
    assertThat(box.shutdowns).isEqualTo(1);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void terminal_answerYes_shutsDown() {
    TestCli.Result r = TestCli.run(terminal("y\n"), dock, "shutdown", "box");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("Shut down box?").contains("[y/N]");
    assertThat(r.out()).isEqualTo("removed box\n");
    assertThat(box.shutdowns).isEqualTo(1);
  }

  @Test
  void terminal_answerNo_cancels_exit1() {
    TestCli.Result r = TestCli.run(terminal("\n"), dock, "shutdown", "box");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("error: shutdown of box cancelled");
    assertThat(box.shutdowns).isZero();
    assertThat(dock.connects).isEmpty();
  }

  @Test
  void terminal_endOfInput_cancels() {
    TestCli.Result r = TestCli.run(terminal(""), dock, "shutdown", "box");
    assertThat(r.code()).isEqualTo(1);
    assertThat(box.shutdowns).isZero();
  }

  private static Terminal terminal(String answers) {
    return Terminal.of(true, Map.of("NO_COLOR", "1"), () -> new BufferedReader(new StringReader(answers)));
  }
}
