package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.PocketDock;
import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.it.child.ChildJvm;
import io.pocketdock.it.child.CrashMain;
import io.pocketdock.it.child.FloodMain;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Behaviour that needs a JVM of its own: a small heap, or being killed with SIGKILL. */
class ChildJvmIT {
  private static final long ONE_GIB = 1L << 30;

  @EngineTest
  void blockingRun_oneGibOfOutput_truncatedAtCapInSmallHeap(TestEngine engine) throws Exception {
    try (ChildJvm child =
        ChildJvm.start(
            FloodMain.class,
            List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"),
            List.of(engine.socket().toString(), TestImages.BUSYBOX, Long.toString(ONE_GIB), TestEngine.RUN_ID))) {
      assertThat(child.await("exit")).isEqualTo("0");
      assertThat(child.await("truncated")).isEqualTo("true");
      assertThat(Long.parseLong(child.await("kept"))).isEqualTo(10L << 20);
      assertThat(Long.parseLong(child.await("maxHeapMiB"))).isLessThanOrEqualTo(64);
      System.out.println("[" + engine.kind().id() + "] 1 GiB flood took " + child.await("durationMs") + " ms");
      assertThat(child.waitFor(60)).isZero();
    }
  }

  @EngineTest
  void stream_oneGibOfOutput_iteratedInSmallHeapResultCapped(TestEngine engine) throws Exception {
    try (ChildJvm child = flood(engine, "stream")) {
      assertThat(child.await("exit")).isEqualTo("0");
      // In the order the child prints them: await reads its output forwards.
      assertThat(child.await("truncated")).isEqualTo("true");
      assertThat(Long.parseLong(child.await("kept"))).isEqualTo(10L << 20);
      assertThat(Long.parseLong(child.await("streamed"))).isEqualTo(ONE_GIB);
      System.out.println("[" + engine.kind().id() + "] 1 GiB stream took " + child.await("durationMs") + " ms");
      assertThat(child.waitFor(60)).isZero();
    }
  }

  @EngineTest
  void detached_oneGibOfOutput_ringKeepsOnlyItsSizeInSmallHeap(TestEngine engine) throws Exception {
    try (ChildJvm child = flood(engine, "detached")) {
      assertThat(child.await("exit")).isEqualTo("0");
      assertThat(child.await("truncated")).isEqualTo("true");
      // The ring holds 1 MiB per stream: the tail of stdout plus stderr's "done".
      assertThat(Long.parseLong(child.await("kept"))).isLessThanOrEqualTo(2L << 20);
      System.out.println("[" + engine.kind().id() + "] 1 GiB detached took " + child.await("durationMs") + " ms");
      assertThat(child.waitFor(60)).isZero();
    }
  }

  private static ChildJvm flood(TestEngine engine, String mode) throws Exception {
    return ChildJvm.start(
        FloodMain.class,
        List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"),
        List.of(
            engine.socket().toString(),
            TestImages.BUSYBOX,
            Long.toString(ONE_GIB),
            TestEngine.RUN_ID,
            mode));
  }

  @EngineTest
  void creatorKilledHard_nextStartReapsItsEphemeralSandboxesOnly(TestEngine engine) throws Exception {
    List<String> ephemeral;
    String persistent;
    String detached;
    try (ChildJvm child =
        ChildJvm.start(
            CrashMain.class,
            List.of("-Xmx64m"),
            List.of(engine.socket().toString(), TestImages.BUSYBOX, TestEngine.RUN_ID))) {
      ephemeral = List.of(child.await("ephemeral").split(","));
      persistent = child.await("persistent");
      detached = child.await("detached");
      child.killHard();
    }
    try {
      // (Another suite's PocketDock on this host may already be reaping the ephemeral ones.)
      assertThat(names(engine)).contains(persistent, detached);
      // The default start reaps in the background; wait for it, bounded.
      try (PocketDock dock = PocketDock.builder().socket(engine.socket()).build()) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (names(engine).stream().anyMatch(ephemeral::contains) && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(200);
        }
        assertThat(names(engine)).doesNotContainAnyElementsOf(ephemeral).contains(persistent, detached);
        // Asked again, nothing of ours is left to reap.
        assertThat(dock.reapOrphans()).doesNotContainAnyElementsOf(ephemeral).doesNotContain(persistent, detached);
      }
    } finally {
      try (EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
        for (String name : List.of(persistent, detached)) {
          raw.removeContainer(name, true);
        }
      }
    }
  }

  private static List<String> names(TestEngine engine) throws IOException {
    List<String> out = new ArrayList<>();
    try (EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      raw.listContainers(List.of(TestEngine.RUN_LABEL + "=" + TestEngine.RUN_ID))
          .forEach(c -> c.array("Names").strings().forEach(n -> out.add(n.startsWith("/") ? n.substring(1) : n)));
    }
    return out;
  }
}
