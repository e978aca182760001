package io.pocketdock.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.cli.FakeDock;
import io.pocketdock.cli.TestCli;
import org.junit.jupiter.api.Test;

class CompletionCommandTest {
  private final FakeDock dock = new FakeDock();

  @Test
  void bash_printsACompletionScriptForEveryCommand() {
    TestCli.Result r = TestCli.run(dock, "completion", "bash");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("complete -F")
        .contains("pocket-dock")
        .contains("quickstart", "create", "run", "info", "reboot", "shutdown")
        .contains("--mem-limit", "--fresh");
    assertThat(dock.connects).isEmpty();
  }

  @Test
  void zsh_printsAScriptThatLoadsBashcompinit() {
    TestCli.Result r = TestCli.run(dock, "completion", "zsh");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("bashcompinit").contains("ZSH_VERSION");
  }

  @Test
  void otherShell_isAUsageError() {
    TestCli.Result r = TestCli.run(dock, "completion", "fish");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("fish").contains("bash, zsh");
  }
}
