package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.ContainerNotFoundException;
import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonBoolean;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The CLI's project and persistence commands as a subprocess, in a throw-away project directory
 * whose unique name keeps prune and doctor away from everybody else's containers.
 */
class CliProjectIT {

  @EngineTest
  void init_status_create_run_logs_doctor_destroy(TestEngine engine) throws Exception {
    Path dir = CliProcess.tempDir("pd-cli-project");
    String project = "cliproj-" + TestEngine.RUN_ID.substring(0, 8) + "-" + engine.kind().id();
    CliProcess.Result init = CliProcess.runIn(engine, dir, null, "init", "--name", project);
    assertThat(init.code()).as(init.err()).isZero();
    assertThat(init.out().strip()).isEqualTo(dir.resolve(".pocket-dock/pocket-dock.yaml").toRealPath().toString());

    CliProcess.Result again = CliProcess.runIn(engine, dir, null, "init", "--name", project);
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.errLines().get(0)).startsWith("error: ").contains("already a pocket-dock project");

    String name = "pd-it-cliproj-" + engine.kind().id() + "-" + TestEngine.RUN_ID.substring(0, 6);
    CliProcess.create(engine, dir, "--name", name, "--persist");
    try {
      CliProcess.Result status = CliProcess.runIn(engine, dir, null, "status", "--json");
      assertThat(status.code()).as(status.err()).isZero();
      JsonObject s = Json.parseObject(status.out());
      assertThat(s.members().keySet()).containsExactly("engine", "project", "containers");
      JsonObject e = s.object("engine");
      assertThat(e.members().keySet()).containsExactly("kind", "version", "api_version", "socket");
      assertThat(e.string("kind", "")).isEqualTo(engine.kind().id());
      assertThat(e.string("socket", "")).isEqualTo(engine.socket().toString());
      JsonObject p = s.object("project");
      assertThat(p.members().keySet()).containsExactly("name", "root", "containers");
      assertThat(p.string("name", "")).isEqualTo(project);
      assertThat(p.longValue("containers", -1)).isEqualTo(1);
      JsonObject c = s.object("containers");
      assertThat(c.members().keySet()).containsExactly("total", "running", "stopped");
      assertThat(c.longValue("total", -1)).isEqualTo(c.longValue("running", -1) + c.longValue("stopped", -1)).isPositive();

      assertThat(CliProcess.runIn(engine, dir, null, "run", name, "--", "echo hi; exit 4").code()).isEqualTo(4);
      CliProcess.Result history = CliProcess.runIn(engine, dir, null, "logs", name, "--history", "--json");
      assertThat(history.code()).as(history.err()).isZero();
      JsonArray runs = (JsonArray) Json.parse(history.out());
      assertThat(runs.objects()).hasSize(1);
      JsonObject run = runs.objects().get(0);
      assertThat(run.members().keySet())
          .containsExactly("container", "time", "command", "exit_code", "duration_ms", "timed_out", "truncated");
      assertThat(run.string("container", "")).isEqualTo(name);
      assertThat(Instant.parse(run.string("time", ""))).isBefore(Instant.now().plusSeconds(5));
      assertThat(run.string("command", "")).isEqualTo("echo hi; exit 4");
      assertThat(run.longValue("exit_code", -1)).isEqualTo(4);
      CliProcess.Result logs = CliProcess.runIn(engine, dir, null, "logs", name);
      assertThat(logs.code()).as(logs.err()).isZero();
      assertThat(logs.out()).contains("$ echo hi; exit 4").contains("hi").contains("exit=4");
      CliProcess.Result table = CliProcess.runIn(engine, dir, null, "logs", "--history", "--limit", "1");
      assertThat(table.out()).contains("TIME").contains(name).contains("echo hi; exit 4");

      CliProcess.Result doctor = CliProcess.runIn(engine, dir, null, "doctor", "--json");
      assertThat(doctor.code()).as(doctor.err()).isZero();
      JsonObject d = Json.parseObject(doctor.out());
      assertThat(d.members().keySet()).containsExactly("orphaned_containers", "stale_instance_dirs", "healthy");
      assertThat(d.array("orphaned_containers").values()).isEmpty();
      assertThat(d.array("stale_instance_dirs").values()).isEmpty();
      assertThat(d.longValue("healthy", -1)).isEqualTo(1);

      CliProcess.Result refused = CliProcess.runIn(engine, dir, null, "destroy", name);
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.errLines()).hasSize(2);
      assertThat(refused.errLines().get(0)).startsWith("error: refusing to destroy " + name);
      assertThat(engine.dock().attach(name).info().running()).isTrue();

      CliProcess.Result destroyed = CliProcess.runIn(engine, dir, null, "destroy", name, "--yes");
      assertThat(destroyed.code()).as(destroyed.err()).isZero();
      assertThat(Files.exists(dir.resolve(".pocket-dock/instances").resolve(name))).isFalse();
      assertThatThrownBy(() -> engine.dock().attach(name)).isInstanceOf(ContainerNotFoundException.class);
    } finally {
      CliProcess.remove(engine, name);
    }
  }

  @EngineTest
  void list_stop_resume_prune_withJsonShapes(TestEngine engine) {
    Path dir = CliProcess.tempDir("pd-cli-prune");
    String project = "cliprune-" + TestEngine.RUN_ID.substring(0, 8) + "-" + engine.kind().id();
    assertThat(CliProcess.runIn(engine, dir, null, "init", "--name", project).code()).isZero();
    String kept = CliProcess.create(engine, dir, "--persist");
    try {
      JsonObject entry = listed(engine, project, kept);
      assertThat(entry.members().keySet())
          .containsExactly("id", "name", "status", "image", "created_at", "persist", "project");
      assertThat(entry.string("id", "")).isEqualTo(engine.dock().attach(kept).id());
      assertThat(entry.string("status", "")).isEqualTo("running");
      assertThat(entry.string("image", "")).isEqualTo(TestImages.MINIMAL);
      assertThat(Instant.parse(entry.string("created_at", ""))).isBefore(Instant.now().plusSeconds(5));
      assertThat(entry.get("persist")).containsInstanceOf(JsonBoolean.class);
      assertThat(entry.bool("persist", false)).isTrue();
      assertThat(entry.string("project", "")).isEqualTo(project);

      CliProcess.Result stop = CliProcess.run(engine, "stop", kept);
      assertThat(stop.code()).as(stop.err()).isZero();
      assertThat(stop.out()).isEqualTo(kept + "\n");
      assertThat(listed(engine, project, kept).string("status", "")).isNotEqualTo("running");

      CliProcess.Result resume = CliProcess.run(engine, "resume", kept);
      assertThat(resume.code()).as(resume.err()).isZero();
      assertThat(resume.out()).isEqualTo(kept + "\n");
      assertThat(listed(engine, project, kept).string("status", "")).isEqualTo("running");

      CliProcess.Result refused = CliProcess.run(engine, "prune", "--project", project, "--all");
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.errLines().get(0)).startsWith("error: refusing to prune");
      assertThat(refused.errLines().get(1)).contains("--yes");

      assertThat(CliProcess.run(engine, "stop", kept).code()).isZero();
      CliProcess.Result spared = CliProcess.run(engine, "prune", "--project", project, "--yes");
      assertThat(spared.out()).isEqualTo("removed 0 sandboxes\n");
      CliProcess.Result pruned = CliProcess.run(engine, "prune", "--project", project, "--all", "--yes");
      assertThat(pruned.code()).as(pruned.err()).isZero();
      assertThat(pruned.out()).isEqualTo("removed 1 sandbox\n");
      CliProcess.Result empty = CliProcess.run(engine, "list", "--project", project, "--json");
      assertThat(empty.out().strip()).isEqualTo("[]");
    } finally {
      CliProcess.remove(engine, kept);
    }
  }

  @EngineTest
  void snapshot_printsImageId_newSandboxFromItSeesTheFile(TestEngine engine) {
    String image = "localhost/pocket-dock-test/cli-snap-" + engine.kind().id() + "-" + TestEngine.RUN_ID.substring(0, 8) + ":latest";
    String name = CliProcess.create(engine, null);
    String copy = null;
    try {
      assertThat(CliProcess.run(engine, "run", name, "--", "echo snap > /home/sandbox/s.txt").code()).isZero();
      CliProcess.Result snap = CliProcess.run(engine, "snapshot", name, image);
      assertThat(snap.code()).as(snap.err()).isZero();
      assertThat(snap.out()).matches("sha256:[0-9a-f]{64}\n");
      CliProcess.Result created = CliProcess.run(engine, "create", "--image", image);
      assertThat(created.code()).as(created.err()).isZero();
      copy = created.out().strip();
      assertThat(CliProcess.run(engine, "run", copy, "--", "cat /home/sandbox/s.txt").out()).isEqualTo("snap\n");
    } finally {
      if (copy != null) {
        CliProcess.remove(engine, copy);
      }
      CliProcess.remove(engine, name);
      TestProfiles.removeImage(engine.socket(), image);
    }
  }

  /** The {@code list --json} entry of one container of a project. */
  private static JsonObject listed(TestEngine engine, String project, String name) {
    CliProcess.Result list = CliProcess.run(engine, "list", "--project", project, "--json");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out().lines()).hasSize(1);
    JsonValue v = Json.parse(list.out());
    assertThat(v).isInstanceOf(JsonArray.class);
    return ((JsonArray) v)
        .objects().stream()
            .filter(o -> o.string("name", "").equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError(name + " not in " + list.out()));
  }
}
