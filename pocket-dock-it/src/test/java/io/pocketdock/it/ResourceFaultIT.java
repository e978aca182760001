package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Container;
import io.pocketdock.ContainerGoneException;
import io.pocketdock.ContainerNotRunningException;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.http.Body;
import io.pocketdock.internal.http.HttpRequest;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.http.UnixSocketTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Hostile workloads and outside interference on the shared engines: each is contained to its own
 * sandbox, reported with a typed result or error, and never hangs the caller.
 */
class ResourceFaultIT {

  @EngineTest
  void memoryHog_beyondCap_oomKilledReportedAndSandboxCarriesOn(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().memoryLimit("64m").build())) {
      ExecResult hog = box.run("python3 -c 'b = bytearray(512 << 20); print(len(b))'");
      assertThat(hog.exitCode()).isEqualTo(ExecResult.SIGKILL_EXIT_CODE);
      assertThat(hog.oomKilled()).isTrue();
      assertThat(hog.stdout()).isEmpty();
      // A plain SIGKILL is not an OOM kill.
      ExecResult killed = box.run("kill -9 $$");
      assertThat(killed.exitCode()).isEqualTo(ExecResult.SIGKILL_EXIT_CODE);
      assertThat(killed.oomKilled()).isFalse();
      assertThat(box.run("echo alive").stdout()).isEqualTo("alive\n");
      assertThat(box.info().running()).isTrue();
      // The host JVM carries on: it held none of the hog's memory.
      assertThat(Runtime.getRuntime().freeMemory()).isPositive();
    }
  }

  @EngineTest
  void forkBomb_containedByPidsLimit_otherSandboxUnaffected(TestEngine engine) {
    try (Container bomb = engine.dock().create(engine.spec().pidsLimit(64).build());
        Container bystander = engine.dock().create(engine.spec().build())) {
      ExecResult r =
          bomb.run(
              "b() { b | b & }; b; sleep 2; echo survived",
              ExecOptions.defaults().withTimeout(Duration.ofSeconds(8)));
      // However the bomb's shell ends, the pids limit held and the call returned.
      assertThat(r.durationMs()).isLessThan(30_000);
      assertThat(bomb.info().pids()).isLessThanOrEqualTo(64);
      assertThat(bystander.run("for i in 1 2 3 4 5 6 7 8; do sleep 0 & done; wait; echo ok").stdout())
          .isEqualTo("ok\n");
      assertThat(bystander.info().pids()).isLessThan(10);
    }
  }

  @EngineTest
  void killedFromOutside_nextCallContainerNotRunning_noHang(TestEngine engine) throws Exception {
    try (Container box = engine.dock().create(engine.spec().build())) {
      CompletableFuture<ExecResult> running = box.async().run("sleep 60; echo done");
      TimeUnit.MILLISECONDS.sleep(700);
      kill(engine, box.id());
      // The run in flight ends (its process died with the container) with a result or typed error.
      try {
        ExecResult r = running.get(20, TimeUnit.SECONDS);
        assertThat(r.ok()).isFalse();
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(io.pocketdock.PocketDockException.class);
      }
      assertThatThrownBy(() -> box.run("true"))
          .isInstanceOf(ContainerNotRunningException.class)
          .hasMessageContaining(box.name());
      // reboot brings it back.
      box.reboot();
      assertThat(box.run("echo back").stdout()).isEqualTo("back\n");
    }
  }

  @EngineTest
  void removedFromOutsideDuringRun_runEndsTyped_nextCallContainerGone(TestEngine engine)
      throws Exception {
    try (Container box = engine.dock().create(engine.spec().build());
        EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      CompletableFuture<ExecResult> running = box.async().run("sleep 60");
      TimeUnit.MILLISECONDS.sleep(700);
      raw.removeContainer(box.id(), true);
      try {
        assertThat(running.get(20, TimeUnit.SECONDS).ok()).isFalse();
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(io.pocketdock.PocketDockException.class);
      }
      assertThatThrownBy(() -> box.run("true")).isInstanceOf(ContainerGoneException.class);
      assertThatThrownBy(box::reboot).isInstanceOf(ContainerGoneException.class);
    }
  }

  /** {@code POST /containers/{id}/kill}: what {@code docker kill} does from another terminal. */
  private static void kill(TestEngine engine, String id) throws IOException {
    try (UnixSocketTransport t = new UnixSocketTransport(engine.socket());
        HttpResponse r =
            t.execute(
                HttpRequest.post("/v1.41/containers/" + id + "/kill?signal=KILL", Body.none()),
                Duration.ofSeconds(30))) {
      assertThat(r.status()).as(r.bodyString()).isLessThan(300);
    }
  }
}
