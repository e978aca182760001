package io.pocketdock.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.ContainerSummary;
import io.pocketdock.PruneOptions;
import io.pocketdock.cli.FakeContainer;
import io.pocketdock.cli.FakeDock;
import io.pocketdock.cli.TestCli;
import io.pocketdock.cli.terminal.Terminal;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stop, resume, destroy, snapshot, prune and list against the fake dock. */
class LifecycleCommandsTest {
  private final FakeDock dock = new FakeDock();
  private final FakeContainer box = dock.add("box");

  @Test
  void stop_callsStopAndPrintsTheName() {
    TestCli.Result r = TestCli.run(dock, "stop", "box");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("box\n");
    assertThat(dock.stopped).containsExactly("box");
  }

  @Test
  void resume_callsResumeAndPrintsTheName() {
    TestCli.Result r = TestCli.run(dock, "resume", "box");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("box\n");
    assertThat(dock.resumed).containsExactly("box");
  }

  @Test
  void destroy_noTerminalNoYes_refusesWithoutConnecting() {
    TestCli.Result r = TestCli.run(dock, "destroy", "box");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines())
        .containsExactly(
            "error: refusing to destroy box without confirmation: no terminal to ask on",
            "hint: pass --yes to confirm: pocket-dock destroy box --yes");
    assertThat(dock.connects).isEmpty();
    assertThat(dock.destroyed).isEmpty();
  }

  @Test
  void destroy_yes_destroysQuietly() {
    TestCli.Result r = TestCli.run(dock, "destroy", "box", "--yes");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(dock.destroyed).containsExactly("box");
  }

  @Test
  void destroy_terminalAnswerYes_destroysAndSaysSo() {
    TestCli.Result r = TestCli.run(terminal("yes\n"), dock, "destroy", "box");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("Destroy box?");
    assertThat(r.out()).isEqualTo("destroyed box\n");
  }

  @Test
  void destroy_terminalAnswerNo_cancels() {
    TestCli.Result r = TestCli.run(terminal("n\n"), dock, "destroy", "box");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("error: destroy box cancelled");
    assertThat(dock.destroyed).isEmpty();
  }

  @Test
  void snapshot_printsTheImageId() {
    TestCli.Result r = TestCli.run(dock, "snapshot", "box", "my-snap");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("sha256:feedface\n");
    assertThat(box.snapshots).containsExactly("my-snap");
  }

  @Test
  void prune_withoutYesAndTerminal_refuses() {
    TestCli.Result r = TestCli.run(dock, "prune", "--project", "demo", "--all");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("hint: pass --yes to confirm: pocket-dock prune --project demo --all --yes");
    assertThat(dock.prunes).isEmpty();
  }

  @Test
  void prune_yes_passesProjectAndAll_printsTheCount() {
    TestCli.Result r = TestCli.run(dock, "prune", "--project", "demo", "--all", "--yes");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("removed 2 sandboxes\n");
    assertThat(dock.prunes).containsExactly(new PruneOptions("demo", true));
  }

  @Test
  void prune_defaults_everyProjectPersistentSpared() {
    dock.pruneResult = 1;
    TestCli.Result r = TestCli.run(dock, "prune", "-y");
    assertThat(r.out()).isEqualTo("removed 1 sandbox\n");
    assertThat(dock.prunes).containsExactly(PruneOptions.defaults());
  }

  @Test
  void prune_orphansOfDeadCreators_areReapedAndNamed() {
    dock.reaped = List.of("pd-aaaa", "pd-bbbb");
    TestCli.Result r = TestCli.run(dock, "prune", "--yes");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo("removed 2 sandboxes\nremoved 2 orphaned (creator process gone): pd-aaaa, pd-bbbb\n");
  }

  @Test
  void list_json_isAnArrayWithTheDocumentedFields() {
    dock.summaries =
        List.of(
            new ContainerSummary("id1", "a", "running", "img", Instant.parse("2025-01-01T00:00:00Z"), true, "demo"),
            new ContainerSummary("id2", "b", "exited", "img", Instant.parse("2025-01-02T00:00:00Z"), false, null));
    TestCli.Result r = TestCli.run(dock, "list", "--json", "--project", "demo");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "[{\"id\":\"id1\",\"name\":\"a\",\"status\":\"running\",\"image\":\"img\",\"created_at\":\"2025-01-01T00:00:00Z\",\"persist\":true,\"project\":\"demo\"},"
                + "{\"id\":\"id2\",\"name\":\"b\",\"status\":\"exited\",\"image\":\"img\",\"created_at\":\"2025-01-02T00:00:00Z\",\"persist\":false,\"project\":null}]\n");
    assertThat(dock.listedProjects).containsExactly("demo");
  }

  @Test
  void list_table_hasHeaderAndRows_emptyListSaysSoOnStderr() {
    dock.summaries =
        List.of(new ContainerSummary("id1", "a", "running", "img", Instant.parse("2025-01-01T00:00:00Z"), false, null));
    TestCli.Result r = TestCli.run(dock, "list");
    assertThat(r.out().lines().toList()).hasSize(2);
    assertThat(r.out()).startsWith("NAME").contains("a  ").contains("running");
    dock.summaries = List.of();
    TestCli.Result empty = TestCli.run(dock, "list");
    assertThat(empty.out()).isEmpty();
    assertThat(empty.err()).isEqualTo("no sandboxes\n");
  }

  private static Terminal terminal(String answers) {
    return Terminal.of(true, Map.of("NO_COLOR", "1"), () -> new BufferedReader(new StringReader(answers)));
  }
}
