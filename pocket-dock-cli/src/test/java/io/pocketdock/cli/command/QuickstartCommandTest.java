package io.pocketdock.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.ExecResult;
import io.pocketdock.cli.FakeContainer;
import io.pocketdock.cli.FakeDock;
import io.pocketdock.cli.TestCli;
import org.junit.jupiter.api.Test;

class QuickstartCommandTest {
  private final FakeDock dock = new FakeDock();

  @Test
  void quickstart_showsEngineCommandsOutputsAndRemovesTheSandbox() {
    TestCli.Result r = TestCli.run(dock, "quickstart");
    assertThat(r.code()).isZero();
    FakeContainer box = dock.created.get(0);
    assertThat(box.spec().profile()).isEqualTo("minimal");
    assertThat(box.commands).containsExactlyElementsOf(QuickstartCommand.COMMANDS);
    assertThat(box.shutdowns).isEqualTo(1);
    assertThat(dock.kept).isEmpty();
    assertThat(r.out())
        .contains("podman 4.3.1 (API 1.41) at /run/podman/podman.sock")
        .contains("$ echo \"hello from $(hostname)\"; uname -sr")
        .contains("$ python3 -c")
        .contains("exit 0 in 5 ms")
        .contains("removed pd-0123456789ab");
  }

  @Test
  void failingCommand_stillRemovesTheSandbox_exit1() {
    dock.result = new ExecResult(127, "", "sh: python3: not found\n", 5, false, false);
    TestCli.Result r = TestCli.run(dock, "quickstart");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("python3: not found\n").contains("exit 127 in 5 ms").contains("removed");
    assertThat(r.err()).startsWith("error: 2 of the quickstart commands failed");
    assertThat(dock.created.get(0).shutdowns).isEqualTo(1);
  }
}
