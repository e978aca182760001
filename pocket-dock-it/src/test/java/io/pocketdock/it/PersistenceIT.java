package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Container;
import io.pocketdock.ContainerNotFoundException;
import io.pocketdock.ContainerSummary;
import io.pocketdock.ExecResult;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.PocketDock;
import io.pocketdock.PortMapping;
import io.pocketdock.PruneOptions;
import io.pocketdock.VolumeMount;
import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** Persistent containers: resume, stop, destroy, prune, list, snapshot, volumes and ports. */
class PersistenceIT {
  @TempDir Path tmp;

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A free host port on loopback, found by letting the OS pick one. */
  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @EngineTest
  void resume_afterShutdown_keepsFilesystem(TestEngine engine) {
    PocketDock dock = engine.dock();
    String name = unique("pd-it-persist");
    try {
      Container box = dock.create(engine.spec().name(name).persist(true).build());
      box.run("echo kept > /home/sandbox/marker");
      box.shutdown();
      assertThat(dock.list()).filteredOn(c -> c.name().equals(name)).singleElement()
          .satisfies(c -> assertThat(c.running()).isFalse());
      Container again = dock.resume(name);
      assertThat(again.id()).isEqualTo(box.id());
      assertThat(again.spec().persist()).isTrue();
      assertThat(again.run("cat /home/sandbox/marker").stdout()).isEqualTo("kept\n");
      dock.stop(name);
      assertThat(again.info().running()).isFalse();
      dock.stop(name); // stopping a stopped container is fine
    } finally {
      destroyIfPresent(dock, name);
    }
    assertThat(dock.list()).noneMatch(c -> c.name().equals(name));
  }

  @EngineTest
  void resume_publishedPort_restoredOnLoopback(TestEngine engine) throws Exception {
    PocketDock dock = engine.dock();
    String name = unique("pd-it-port");
    int port = freePort();
    try {
      Container box =
          dock.create(engine.spec().name(name).persist(true).port(PortMapping.of(port, 8000)).build());
      assertThat(box.info().ports()).anySatisfy(p -> assertThat(p).contains("127.0.0.1:" + port));
      serve(box);
      assertThat(fetch(port)).isEqualTo("hello\n");
      box.shutdown();
      Container again = dock.resume(name);
      assertThat(again.spec().ports()).containsExactly(PortMapping.of(port, 8000));
      serve(again);
      assertThat(fetch(port)).isEqualTo("hello\n");
    } finally {
      destroyIfPresent(dock, name);
    }
  }

  /** Cleanup that does not hide the test's own failure when create never happened. */
  private static void destroyIfPresent(PocketDock dock, String name) {
    try {
      dock.destroy(name);
    } catch (ContainerNotFoundException never) {
      // create failed: nothing to clean up
    }
  }

  private static void serve(Container box) {
    ExecResult r =
        box.run(
            "cd /home/sandbox && echo hello > index.txt && "
                + "(nohup python3 -m http.server 8000 --bind 0.0.0.0 >/dev/null 2>&1 &)");
    assertThat(r.exitCode()).isZero();
  }

  /** GETs /index.txt on 127.0.0.1:port, retrying while the server starts (up to 10 s). */
  private static String fetch(int port) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest get =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.txt"))
            .timeout(Duration.ofSeconds(3))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return r.body();
        }
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no answer on 127.0.0.1:" + port);
      }
      Thread.sleep(100);
    }
  }

  @EngineTest
  void create_hostPortTaken_invalidArgumentAndNothingLeft(TestEngine engine) throws IOException {
    String project = unique("it-taken");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () ->
                  engine.dock().create(
                      engine.spec().project(project).port(PortMapping.of(port, 8000)).build()))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("port");
    }
    assertThat(engine.dock().list(project)).isEmpty();
  }

  @EngineTest
  void snapshot_newContainerSeesFile_originalKeepsRunning(TestEngine engine) throws IOException {
    String image = "localhost/pocket-dock-test/" + unique("snap") + ":v1";
    try (Container box = engine.dock().create(engine.spec().build());
        EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      box.run("echo from-snapshot > /home/sandbox/snap.txt");
      String imageId;
      try {
        imageId = box.snapshot(image);
        assertThat(imageId).startsWith("sha256:");
        assertThat(box.info().running()).isTrue();
        JsonObject inspect = raw.inspectImage(image);
        assertThat(inspect.string("Id", "")).isEqualTo(imageId);
        assertThat(inspect.array("RepoTags").strings()).contains(image);
        JsonObject labels = inspect.object("Config").object("Labels");
        assertThat(labels.string("io.pocketdock.snapshot.source", "")).isEqualTo(box.id());
        assertThat(labels.string("io.pocketdock.snapshot.time", "")).isNotEmpty();
        try (Container copy = engine.dock().create(engine.spec().image(image).build())) {
          assertThat(copy.run("cat /home/sandbox/snap.txt").stdout()).isEqualTo("from-snapshot\n");
          assertThat(copy.spec().ports()).isEmpty();
        }
        assertThat(box.run("cat /home/sandbox/snap.txt").exitCode()).isZero();
      } finally {
        raw.removeImage(image, true);
      }
    }
  }

  @EngineTest
  void snapshot_shortName_qualifiedWithLocalhost(TestEngine engine) throws IOException {
    String shortName = "pocket-dock-test/" + unique("short");
    try (Container box = engine.dock().create(engine.spec().build());
        EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      String id = box.snapshot(shortName);
      try {
        assertThat(raw.inspectImage("localhost/" + shortName + ":latest").string("Id", "")).isEqualTo(id);
      } finally {
        raw.removeImage("localhost/" + shortName + ":latest", true);
      }
      assertThatThrownBy(() -> box.snapshot("Not Valid")).isInstanceOf(InvalidArgumentException.class);
    }
  }

  @EngineTest
  void volume_writes_visibleOnHost_readOnlyRefused(TestEngine engine) throws IOException {
    Path rw = Files.createDirectory(tmp.resolve("rw"));
    Path ro = Files.createDirectory(tmp.resolve("ro"));
    // The sandbox user is uid 1000, not us: let it write.
    Files.setPosixFilePermissions(rw, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.writeString(ro.resolve("given.txt"), "from host\n");
    try (Container box =
        engine.dock().create(
            engine.spec().volume(VolumeMount.of(rw, "/data")).volume(VolumeMount.readOnly(ro, "/ro")).build())) {
      assertThat(box.run("echo from-sandbox > /data/out.txt").exitCode()).isZero();
      assertThat(Files.readString(rw.resolve("out.txt"))).isEqualTo("from-sandbox\n");
      assertThat(box.run("cat /ro/given.txt").stdout()).isEqualTo("from host\n");
      ExecResult refused = box.run("echo x > /ro/new.txt");
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.stderr()).containsIgnoringCase("read-only");
      assertThat(ro.resolve("new.txt")).doesNotExist();
      assertThat(box.spec().volumes()).hasSize(2);
    }
  }

  @EngineTest
  void create_missingVolumeHostPath_invalidArgumentAndNothingLeft(TestEngine engine) {
    String project = unique("it-novol");
    assertThatThrownBy(
            () ->
                engine.dock().create(
                    engine.spec().project(project).volume(VolumeMount.of(tmp.resolve("missing"), "/x")).build()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("does not exist");
    assertThat(engine.dock().list(project)).isEmpty();
  }

  @EngineTest
  void prune_project_countsStoppedAndSparesPersistentRunningAndOtherProjects(TestEngine engine) {
    PocketDock dock = engine.dock();
    String project = unique("it-prune");
    String other = project + "-other";
    Container a = dock.create(engine.spec().project(project).build());
    Container b = dock.create(engine.spec().project(project).build());
    Container kept = dock.create(engine.spec().project(project).persist(true).build());
    Container running = dock.create(engine.spec().project(project).build());
    Container elsewhere = dock.create(engine.spec().project(other).build());
    try {
      dock.stop(a.name());
      dock.stop(b.name());
      kept.shutdown();
      dock.stop(elsewhere.name());
      assertThat(dock.list(project)).extracting(ContainerSummary::name)
          .containsExactlyInAnyOrder(a.name(), b.name(), kept.name(), running.name());

      assertThat(dock.prune(PruneOptions.defaults().withProject(project))).isEqualTo(2);

      List<ContainerSummary> left = dock.list(project);
      assertThat(left).extracting(ContainerSummary::name)
          .containsExactlyInAnyOrder(kept.name(), running.name());
      assertThat(left).filteredOn(ContainerSummary::persist).singleElement()
          .satisfies(c -> {
            assertThat(c.project()).isEqualTo(project);
            assertThat(c.running()).isFalse();
            assertThat(c.image()).isEqualTo(TestImages.MINIMAL);
            assertThat(c.created()).isAfter(java.time.Instant.EPOCH);
          });
      assertThat(dock.list(other)).extracting(ContainerSummary::name).containsExactly(elsewhere.name());

      assertThat(
              dock.prune(PruneOptions.defaults().withProject(project).withIncludePersistent(true)))
          .isEqualTo(1);
      assertThat(dock.list(project)).extracting(ContainerSummary::name).containsExactly(running.name());
    } finally {
      for (Container c : List.of(a, b, running, elsewhere)) {
        c.close();
      }
      if (dock.list(project).stream().anyMatch(c -> c.name().equals(kept.name()))) {
        dock.destroy(kept.name());
      }
    }
  }

  @EngineTest
  void resumeStopDestroy_unknownName_containerNotFound(TestEngine engine) {
    PocketDock dock = engine.dock();
    String name = unique("pd-it-nobody");
    assertThatThrownBy(() -> dock.resume(name)).isInstanceOf(ContainerNotFoundException.class);
    assertThatThrownBy(() -> dock.stop(name)).isInstanceOf(ContainerNotFoundException.class);
    assertThatThrownBy(() -> dock.destroy(name)).isInstanceOf(ContainerNotFoundException.class);
    assertThatThrownBy(() -> dock.resume("bad/name")).isInstanceOf(InvalidArgumentException.class);
  }
}
