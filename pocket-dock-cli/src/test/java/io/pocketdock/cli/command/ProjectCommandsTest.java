package io.pocketdock.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.ContainerSummary;
import io.pocketdock.cli.FakeDock;
import io.pocketdock.cli.PocketDockCommand;
import io.pocketdock.cli.TestCli;
import io.pocketdock.cli.terminal.Terminal;
import io.pocketdock.project.HistoryEntry;
import io.pocketdock.project.InstanceDir;
import io.pocketdock.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, status, doctor and logs: the project commands. */
class ProjectCommandsTest {
  @TempDir Path dir;
  private final FakeDock dock = new FakeDock();

  private TestCli.Result cli(String... args) {
    return TestCli.run(new PocketDockCommand(Terminal.none(), dock.connector()).workingDirectory(dir), args);
  }

  @Test
  void init_writesTheConfig_namedAfterTheDirectory_noEngine() {
    TestCli.Result r = cli("init");
    assertThat(r.code()).isZero();
    Path config = dir.resolve(".pocket-dock/pocket-dock.yaml");
    assertThat(r.out()).isEqualTo(config + "\n");
    assertThat(Project.load(dir).name()).isEqualTo(dir.getFileName().toString());
    assertThat(dock.connects).isEmpty();
  }

  @Test
  void init_pathAndName_andTwiceIsAnError() {
    assertThat(cli("init", "sub", "--name", "demo").code()).isZero();
    assertThat(Project.load(dir.resolve("sub")).name()).isEqualTo("demo");
    TestCli.Result again = cli("init", "sub", "--name", "demo");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).startsWith("error: ").contains("already a pocket-dock project");
  }

  @Test
  void init_invalidName_isAnErrorAndWritesNothing() {
    TestCli.Result r = cli("init", "--name", "bad name!");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ");
    assertThat(Files.exists(dir.resolve(".pocket-dock/pocket-dock.yaml"))).isFalse();
  }

  @Test
  void status_json_engineProjectAndCounts() {
    dock.project = Project.init(dir, "demo");
    dock.summaries =
        List.of(
            new ContainerSummary("1", "a", "running", "i", Instant.EPOCH, true, "demo"),
            new ContainerSummary("2", "b", "exited", "i", Instant.EPOCH, false, null));
    TestCli.Result r = cli("status", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "{\"engine\":{\"kind\":\"podman\",\"version\":\"4.3.1\",\"api_version\":\"1.41\",\"socket\":\"/run/podman/podman.sock\"},"
                + "\"project\":{\"name\":\"demo\",\"root\":\"" + dir.toAbsolutePath().normalize() + "\",\"containers\":1},"
                + "\"containers\":{\"total\":2,\"running\":1,\"stopped\":1}}\n");
  }

  @Test
  void status_noProject_isNullInJson_andSaidInText() {
    assertThat(cli("status", "--json").out()).contains("\"project\":null");
    assertThat(cli("status").out()).contains("engine").contains("podman 4.3.1").contains("none here");
  }

  @Test
  void doctor_json_hasExactlyTheThreeFields() {
    TestCli.Result r = cli("doctor", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("{\"orphaned_containers\":[\"orphan1\"],\"stale_instance_dirs\":[],\"healthy\":3}\n");
    assertThat(dock.doctored).containsExactly(dir);
  }

  @Test
  void logs_withoutProject_isAProjectError() {
    TestCli.Result r = cli("logs");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ");
    assertThat(dock.connects).isEmpty();
  }

  @Test
  void logs_history_json_lastN_acrossInstances() throws Exception {
    Project p = Project.init(dir, "demo");
    InstanceDir a = p.instance("a");
    InstanceDir b = p.instance("b");
    a.appendHistory(new HistoryEntry(Instant.parse("2025-01-01T00:00:01Z"), "one", 0, 5, false, false));
    b.appendHistory(new HistoryEntry(Instant.parse("2025-01-01T00:00:02Z"), "two", 124, 1000, true, false));
    a.appendHistory(new HistoryEntry(Instant.parse("2025-01-01T00:00:03Z"), "three", 1, 7, false, true));
    TestCli.Result r = cli("logs", "--history", "--json", "--limit", "2");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "[{\"container\":\"b\",\"time\":\"2025-01-01T00:00:02Z\",\"command\":\"two\",\"exit_code\":124,\"duration_ms\":1000,\"timed_out\":true,\"truncated\":false},"
                + "{\"container\":\"a\",\"time\":\"2025-01-01T00:00:03Z\",\"command\":\"three\",\"exit_code\":1,\"duration_ms\":7,\"timed_out\":false,\"truncated\":true}]\n");
    TestCli.Result table = cli("logs", "a", "--history");
    assertThat(table.out()).startsWith("TIME").contains("one").contains("three").doesNotContain("two");
  }

  @Test
  void logs_printsRunLogs_lastLines_andUnknownInstanceIsAnError() throws Exception {
    Project p = Project.init(dir, "demo");
    InstanceDir a = p.instance("a");
    a.logRun(new HistoryEntry(Instant.parse("2025-01-01T00:00:01Z"), "echo hi", 0, 5, false, false), "hi\n", "");
    TestCli.Result r = cli("logs", "a");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("$ echo hi").contains("hi\n").contains("exit=0");
    assertThat(cli("logs", "a", "-n", "1").out()).isEqualTo("hi\n");
    TestCli.Result missing = cli("logs", "nope");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).startsWith("error: no instance directory for nope in project demo");
  }
}
