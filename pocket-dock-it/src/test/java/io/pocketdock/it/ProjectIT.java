package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.ConfigException;
import io.pocketdock.Container;
import io.pocketdock.ContainerSummary;
import io.pocketdock.ExecOptions;
import io.pocketdock.PocketDock;
import io.pocketdock.ProjectNotInitializedException;
import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.project.DoctorReport;
import io.pocketdock.project.HistoryEntry;
import io.pocketdock.project.InstanceDir;
import io.pocketdock.project.InstanceRecord;
import io.pocketdock.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** Projects: labels, instance dirs, history, logs, doctor, and life without .pocket-dock/. */
class ProjectIT {
  @TempDir Path tmp;

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static PocketDock dockIn(TestEngine engine, Project project) {
    return PocketDock.builder().socket(engine.socket()).project(project).build();
  }

  @EngineTest
  void run_persistentProjectContainer_writesRecordHistoryAndLogs(TestEngine engine) throws IOException {
    Project project = Project.init(tmp, unique("it-hist"));
    try (PocketDock dock = dockIn(engine, project);
        EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      Container box = dock.create(engine.spec().persist(true).build());
      try {
        assertThat(box.spec().project()).isEqualTo(project.name());
        var labels = raw.inspectContainer(box.id()).object("Config").object("Labels");
        assertThat(labels.string("io.pocketdock.project", "")).isEqualTo(project.name());
        assertThat(labels.string("io.pocketdock.project.root", "")).isEqualTo(project.root().toString());

        box.run("echo one");
        box.run("echo two >&2; exit 3");
        box.run("sleep 5", ExecOptions.defaults().withTimeout(Duration.ofSeconds(1)));

        InstanceDir dir = project.instance(box.name());
        InstanceRecord record = dir.record().orElseThrow();
        assertThat(record.id()).isEqualTo(box.id());
        assertThat(record.project()).isEqualTo(project.name());
        assertThat(record.persist()).isTrue();
        List<HistoryEntry> history = dir.history();
        assertThat(history).extracting(HistoryEntry::command)
            .containsExactly("echo one", "echo two >&2; exit 3", "sleep 5");
        assertThat(history).extracting(HistoryEntry::exitCode).containsExactly(0, 3, 124);
        assertThat(history).extracting(HistoryEntry::timedOut).containsExactly(false, false, true);
        assertThat(history.get(0).time()).isBefore(Instant.now());
        assertThat(Files.readString(dir.logsDir().resolve("run.log")))
            .contains("$ echo one\n--- stdout\none\n", "exit=3", "--- stderr\ntwo\n", "timed_out");
      } finally {
        dock.destroy(box.name());
      }
      assertThat(project.instance(box.name()).exists()).isFalse();
    }
  }

  @EngineTest
  void create_ephemeralInProject_labelledButNoInstanceDir(TestEngine engine) {
    Project project = Project.init(tmp, unique("it-eph"));
    try (PocketDock dock = dockIn(engine, project);
        Container box = dock.create(engine.spec().build())) {
      box.run("true");
      assertThat(dock.list(project.name())).extracting(ContainerSummary::name).containsExactly(box.name());
      assertThat(project.instances()).isEmpty();
    }
  }

  @EngineTest
  void doctor_findsOrphanAndStaleDir(TestEngine engine) throws IOException {
    Project project = Project.init(tmp, unique("it-doc"));
    try (PocketDock dock = dockIn(engine, project)) {
      Container healthy = dock.create(engine.spec().persist(true).build());
      Container orphan = dock.create(engine.spec().persist(true).build());
      try {
        project.instance(orphan.name()).delete();
        project.instance("ghost").write(
            new InstanceRecord("0", "ghost", "x", project.name(), Instant.now(), true, null, null, -1, List.of(), List.of()));
        DoctorReport report = dock.doctor(tmp.resolve("sub/dir"));
        assertThat(report.project()).isEqualTo(project.name());
        assertThat(report.orphanedContainers()).containsExactly(orphan.name());
        assertThat(report.staleInstanceDirs()).containsExactly("ghost");
        assertThat(report.healthy()).isEqualTo(1);
        assertThat(report.ok()).isFalse();
      } finally {
        dock.destroy(healthy.name());
        dock.destroy(orphan.name());
      }
      Path outside = Files.createDirectory(tmp.resolve("..").resolve(unique("outside")));
      try {
        assertThatThrownBy(() -> dock.doctor(outside)).isInstanceOf(ProjectNotInitializedException.class);
      } finally {
        Files.delete(outside);
      }
    }
  }

  @EngineTest
  void deletingStateDir_listResumeDestroyKeepWorking(TestEngine engine) throws IOException {
    Project project = Project.init(tmp, unique("it-del"));
    String name;
    try (PocketDock dock = dockIn(engine, project)) {
      Container box = dock.create(engine.spec().persist(true).build());
      name = box.name();
      box.run("echo survived > /home/sandbox/f");
      box.shutdown();
      deleteTree(project.stateDir());
      // The same dock (whose project dir is gone) keeps working and does not recreate it.
      Container again = dock.resume(name);
      assertThat(again.run("cat /home/sandbox/f").stdout()).isEqualTo("survived\n");
      assertThat(project.stateDir()).doesNotExist();
      again.shutdown();
    }
    try (PocketDock dock = PocketDock.builder().socket(engine.socket()).noProject().build()) {
      assertThat(dock.list(project.name())).extracting(ContainerSummary::name).containsExactly(name);
      Container again = dock.resume(name);
      assertThat(again.run("cat /home/sandbox/f").stdout()).isEqualTo("survived\n");
      dock.destroy(name);
      assertThat(dock.list(project.name())).isEmpty();
    }
  }

  @EngineTest
  void resume_recordMissing_rewritesInstanceToml(TestEngine engine) throws IOException {
    Project project = Project.init(tmp, unique("it-rec"));
    try (PocketDock dock = dockIn(engine, project)) {
      Container box = dock.create(engine.spec().persist(true).build());
      try {
        box.shutdown();
        project.instance(box.name()).delete();
        dock.resume(box.name());
        assertThat(project.instance(box.name()).record()).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(box.id()));
      } finally {
        dock.destroy(box.name());
      }
    }
  }

  @EngineTest
  void connect_insideProject_discoversItAndUsesItsSocket(TestEngine engine) throws IOException {
    Path file = tmp.resolve(".pocket-dock/pocket-dock.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "project_name: it-found\nsocket: \"" + engine.socket() + "\"\ndefault_persist: true\n");
    Path sub = Files.createDirectories(tmp.resolve("src/main"));
    try (PocketDock dock = PocketDock.builder().workingDirectory(sub).build()) {
      assertThat(dock.project()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("it-found"));
      if (System.getenv("POCKET_DOCK_SOCKET") == null) {
        assertThat(dock.engine().socket()).isEqualTo(engine.socket());
        assertThat(dock.engine().source()).isEqualTo("project config");
      }
      assertThat(dock.specBuilder().build().persist()).isTrue();
      assertThat(dock.specBuilder().build().project()).isEqualTo("it-found");
    }
    Files.writeString(file, "project_name: it-found\nsocket \"/x\"\n");
    assertThatThrownBy(() -> PocketDock.builder().workingDirectory(sub).build())
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).hasValue(2));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
