package io.pocketdock.it.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.BackgroundProcess;
import io.pocketdock.Container;
import io.pocketdock.ContainerNotRunningException;
import io.pocketdock.EngineCommunicationException;
import io.pocketdock.EngineConnectionException;
import io.pocketdock.EngineException;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.ExecStream;
import io.pocketdock.StreamChunk;
import io.pocketdock.PocketDock;
import java.time.Duration;

/**
 * The engine process dies (SIGKILL) and comes back, on a private engine per test: callers get
 * typed errors within a bound, never a hang, and the SDK works again once the engine is back.
 */
class EngineFaultIT extends EngineFaultTestBase {

  @PrivateEngineTest
  void blockingRun_engineKilled_typedErrorThenWorksAfterRestart(PrivateEngine engine)
      throws Exception {
    try (PocketDock dock = engine.connect()) {
      Container box = dock.create(engine.spec().build());
      assertThat(box.run("echo up").stdout()).isEqualTo("up\n");

      EngineException error = crashDuring(engine, () -> box.run("sleep 60; echo never"));
      assertThat(error).isInstanceOf(EngineCommunicationException.class);
      assertThat(error.getMessage()).contains("run", box.name());

      engine.restart();
      // The same PocketDock works again: a new sandbox runs commands.
      try (Container fresh = dock.create(engine.spec().build())) {
        assertThat(fresh.run("echo again").stdout()).isEqualTo("again\n");
      }
      // The old sandbox either survived the restart (Podman) or was stopped by it (Docker restores
      // containers only with live-restore): a result or a typed error, and reboot recovers it.
      try {
        assertThat(box.run("echo still").stdout()).isEqualTo("still\n");
      } catch (ContainerNotRunningException stopped) {
        box.reboot();
        assertThat(box.run("echo rebooted").stdout()).isEqualTo("rebooted\n");
      }
      box.close();
    }
    // A new PocketDock connects to the restarted engine.
    try (PocketDock again = engine.connect(); Container c = again.create(engine.spec().build())) {
      assertThat(c.run("echo new").exitCode()).isZero();
    }
  }

  @PrivateEngineTest
  void stream_engineKilled_typedErrorThenWorksAfterRestart(PrivateEngine engine) throws Exception {
    try (PocketDock dock = engine.connect()) {
      Container box = dock.create(engine.spec().build());
      EngineException error =
          crashDuring(
              engine,
              () -> {
                try (ExecStream s =
                    box.stream(
                        "echo first; sleep 60; echo never",
                        ExecOptions.defaults().withTimeout(Duration.ofSeconds(90)))) {
                  for (StreamChunk chunk : s) {
                    assertThat(chunk.data()).doesNotContain("never");
                  }
                  return s.result();
                }
              });
      assertThat(error).isInstanceOf(EngineCommunicationException.class);
      engine.restart();
      try (Container fresh = dock.create(engine.spec().build())) {
        assertThat(fresh.run("echo again").stdout()).isEqualTo("again\n");
      }
    }
  }

  @PrivateEngineTest
  void detached_engineKilled_waitForGivesTypedErrorThenWorksAfterRestart(PrivateEngine engine)
      throws Exception {
    try (PocketDock dock = engine.connect()) {
      Container box = dock.create(engine.spec().build());
      BackgroundProcess bg = box.runDetached("echo started; sleep 60");
      EngineException error = crashDuring(engine, bg::waitFor);
      assertThat(error).isInstanceOf(EngineCommunicationException.class);
      assertThat(bg.isRunning()).isFalse();
      engine.restart();
      try (Container fresh = dock.create(engine.spec().build())) {
        BackgroundProcess again = fresh.runDetached("echo again");
        assertThat(again.waitFor().stdout()).isEqualTo("again\n");
      }
    }
  }

  @PrivateEngineTest
  void calls_whileEngineDown_engineConnectionErrorFast(PrivateEngine engine) throws Exception {
    try (PocketDock dock = engine.connect()) {
      Container box = dock.create(engine.spec().build());
      engine.kill();
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> box.run("true"))
          .isInstanceOf(EngineConnectionException.class)
          .satisfies(e -> assertThat(((EngineConnectionException) e).hint()).isPresent());
      assertThatThrownBy(box::info).isInstanceOf(EngineConnectionException.class);
      assertThatThrownBy(() -> dock.create(engine.spec().build()))
          .isInstanceOf(EngineConnectionException.class);
      assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
      assertThatThrownBy(engine::connect).isInstanceOf(EngineConnectionException.class);

      engine.restart();
      ExecResult r;
      try {
        r = box.run("echo back");
      } catch (ContainerNotRunningException stopped) {
        box.reboot();
        r = box.run("echo back");
      }
      assertThat(r.stdout()).isEqualTo("back\n");
      box.close();
    }
  }
}
