package io.pocketdock.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.cli.FakeContainer;
import io.pocketdock.cli.FakeDock;
import io.pocketdock.cli.TestCli;
import org.junit.jupiter.api.Test;

class RebootCommandTest {
  private final FakeDock dock = new FakeDock();
  private final FakeContainer box = dock.add("box");

  @Test
  void reboot_keepsTheFilesystemAndPrintsTheName() {
    TestCli.Result r = TestCli.run(dock, "reboot", "box");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("box\n");
    assertThat(box.reboots).containsExactly(false);
  }

  @Test
  void fresh_recreates() {
    TestCli.run(dock, "reboot", "box", "--fresh");
    assertThat(box.reboots).containsExactly(true);
  }
}
