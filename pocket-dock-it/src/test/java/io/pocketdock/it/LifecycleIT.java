package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.Container;
import io.pocketdock.ContainerInfo;
import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.engine.EngineResponseException;
import java.io.IOException;
import org.junit.jupiter.api.Assertions;

/** Create, info, reboot, shutdown, and what close() leaves behind. */
class LifecycleIT {

  @EngineTest
  void create_defaults_generatedNameInitAndLabels(TestEngine engine) throws IOException {
    try (Container box = engine.dock().create(engine.spec().build());
        EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      assertThat(box.name()).matches("pd-[0-9a-f]{12}");
      var inspect = raw.inspectContainer(box.id());
      assertThat(inspect.object("HostConfig").bool("Init", false)).isTrue();
      var labels = inspect.object("Config").object("Labels");
      assertThat(labels.string("io.pocketdock.managed", "")).isEqualTo("true");
      assertThat(labels.string("io.pocketdock.persist", "")).isEqualTo("false");
      assertThat(labels.string("io.pocketdock.creator.pid", ""))
          .isEqualTo(Long.toString(ProcessHandle.current().pid()));
      assertThat(inspect.object("HostConfig").string("NetworkMode", "")).isEqualTo("none");
    }
  }

  @EngineTest
  void close_ephemeral_removesContainer(TestEngine engine) throws IOException {
    String id;
    try (Container box = engine.dock().create(engine.spec().build())) {
      id = box.id();
    }
    try (EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      EngineResponseException e =
          Assertions.assertThrows(EngineResponseException.class, () -> raw.inspectContainer(id));
      assertThat(e.status()).isEqualTo(404);
    }
  }

  @EngineTest
  void shutdown_ephemeral_isFastAndIdempotent(TestEngine engine) {
    Container box = engine.dock().create(engine.spec().build());
    long t0 = System.nanoTime();
    box.shutdown();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    // A stop that waits for the engine's grace period takes 10 s; init as PID 1 avoids it.
    assertThat(ms).isLessThan(3_000);
    box.shutdown();
    box.close();
  }

  @EngineTest
  void shutdown_persistent_stopsQuicklyAndKeepsContainer(TestEngine engine) throws IOException {
    Container box = engine.dock().create(engine.spec().persist(true).build());
    try (EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      long t0 = System.nanoTime();
      box.shutdown();
      assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
      var state = raw.inspectContainer(box.id()).object("State");
      assertThat(state.bool("Running", true)).isFalse();
      raw.removeContainer(box.id(), true);
    }
  }

  @EngineTest
  void info_running_reportsLiveFields(TestEngine engine) {
    try (Container box =
        engine.dock().create(engine.spec().memoryLimit("256m").cpuPercent(50).build())) {
      ContainerInfo info = box.info();
      assertThat(info.id()).isEqualTo(box.id());
      assertThat(info.name()).isEqualTo(box.name());
      assertThat(info.status()).isEqualTo("running");
      assertThat(info.running()).isTrue();
      assertThat(info.image()).isEqualTo(TestImages.MINIMAL);
      assertThat(info.startedAt()).isNotNull();
      assertThat(info.createdAt()).isBeforeOrEqualTo(info.startedAt());
      assertThat(info.uptime()).isPositive();
      assertThat(info.memoryLimit()).isEqualTo(256L << 20);
      assertThat(info.memoryUsage()).isPositive().isLessThan(256L << 20);
      assertThat(info.memoryPercent()).isBetween(0.0, 100.0);
      assertThat(info.cpuPercent()).isGreaterThanOrEqualTo(0.0);
      assertThat(info.pids()).isGreaterThanOrEqualTo(2);
      assertThat(info.network()).isFalse();
      assertThat(info.processes()).anySatisfy(p -> assertThat(p.command()).contains("sleep infinity"));
    }
  }

  @EngineTest
  void info_busyProcess_showsCpuUse(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      box.async().run("timeout 5 sh -c 'while :; do :; done'");
      box.run("sleep 0.5");
      assertThat(box.info().cpuPercent()).isGreaterThan(10.0);
    }
  }

  @EngineTest
  void reboot_inPlace_keepsFilesystem_fresh_resetsIt(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      box.run("echo kept > /home/sandbox/marker");
      String firstId = box.id();
      box.reboot();
      assertThat(box.id()).isEqualTo(firstId);
      assertThat(box.run("cat /home/sandbox/marker").stdout()).isEqualTo("kept\n");
      box.reboot(true);
      assertThat(box.id()).isNotEqualTo(firstId);
      assertThat(box.run("test -e /home/sandbox/marker").exitCode()).isEqualTo(1);
      assertThat(box.info().running()).isTrue();
    }
  }

  @EngineTest
  void attach_byName_readsSpecBackAndDoesNotOwnContainer(TestEngine engine) {
    String name = "pd-it-attach-" + TestEngine.RUN_ID.substring(0, 8);
    try (Container box =
        engine
            .dock()
            .create(
                engine.spec().name(name).memoryLimit("256m").execTimeout(java.time.Duration.ofSeconds(7)).build())) {
      Container other = engine.dock().attach(name);
      assertThat(other.id()).isEqualTo(box.id());
      assertThat(other.name()).isEqualTo(name);
      assertThat(other.spec().execTimeout()).isEqualTo(java.time.Duration.ofSeconds(7));
      assertThat(other.spec().memoryLimit()).isEqualTo(io.pocketdock.ByteSize.parse("256m"));
      assertThat(other.spec().image()).isEqualTo(TestImages.MINIMAL);
      assertThat(other.run("hostname").stdout()).isEqualTo(name + "\n");
    }
  }

  @EngineTest
  void attach_unknown_containerNotFound(TestEngine engine) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.dock().attach("pd-it-no-such-box"))
        .isInstanceOf(io.pocketdock.ContainerNotFoundException.class)
        .hasMessageContaining("pd-it-no-such-box");
  }
}
