package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.BackgroundProcess;
import io.pocketdock.BufferedOutput;
import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.InvalidArgumentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Background processes: read and peek, ring buffer overflow, kill, wait, timeouts. */
class DetachedIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  /** Generous: a loaded 2-core machine; a kill that missed its run would take 300 s. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(60);

  @EngineTest
  void runDetached_output_peekKeepsAndReadDrains(TestEngine engine) throws Exception {
    try (Container box = engine.dock().create(engine.spec().build())) {
      long t0 = System.nanoTime();
      BackgroundProcess p = box.runDetached("echo out; echo err >&2; sleep 300");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(10_000);
      assertThat(p.isRunning()).isTrue();
      assertThat(p.container()).isEqualTo(box.name());
      Poll.until(WAIT, "both lines buffered", () -> p.bufferSize() == 8);
      assertThat(p.peek()).isEqualTo(new BufferedOutput("out\n", "err\n"));
      assertThat(p.peek()).isEqualTo(new BufferedOutput("out\n", "err\n"));
      assertThat(p.read()).isEqualTo(new BufferedOutput("out\n", "err\n"));
      assertThat(p.read().isEmpty()).isTrue();
      assertThat(p.bufferSize()).isZero();
      assertThat(p.bufferOverflowed()).isFalse();
      p.kill();
      ExecResult r = p.waitFor(WAIT).orElseThrow();
      assertThat(r.exitCode()).isEqualTo(143); // 128 + SIGTERM
      assertThat(p.isRunning()).isFalse();
    }
  }

  @EngineTest
  void waitFor_naturalExit_returnsCodeAndUnreadOutput(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      BackgroundProcess p = box.runDetached("echo kept; exit 5");
      ExecResult r = p.waitFor(WAIT).orElseThrow();
      assertThat(r.exitCode()).isEqualTo(5);
      assertThat(r.stdout()).isEqualTo("kept\n");
      assertThat(r.timedOut()).isFalse();
      assertThat(r.truncated()).isFalse();
      assertThat(p.onExit().join()).isEqualTo(r);
      p.kill(); // after the end: nothing to do, no error
    }
  }

  @EngineTest
  void waitFor_stillRunning_returnsEmptyThenKillEnds(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      BackgroundProcess p = box.runDetached("sleep 300");
      assertThat(p.waitFor(Duration.ofMillis(500))).isEmpty();
      assertThat(p.isRunning()).isTrue();
      p.kill("SIGKILL");
      assertThat(p.waitFor(WAIT).orElseThrow().exitCode()).isEqualTo(137);
    }
  }

  @EngineTest
  void kill_term_reachesWholeTreeAndTraps(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      BackgroundProcess tree = box.runDetached("sleep 301 & setsid sh -c 'sleep 302' & sleep 303");
      BackgroundProcess trapper =
          box.runDetached("trap 'echo got TERM; exit 7' TERM; echo ready; while true; do sleep 0.1; done");
      try {
        Poll.until(WAIT, "trap installed", () -> trapper.peek().stdout().equals("ready\n"));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      tree.kill();
      trapper.kill("term");
      assertThat(tree.waitFor(WAIT)).isPresent();
      ExecResult trapped = trapper.waitFor(WAIT).orElseThrow();
      assertThat(trapped.exitCode()).isEqualTo(7);
      assertThat(trapped.stdout()).isEqualTo("ready\ngot TERM\n");
      assertThat(box.run(RunIT.SURVIVORS).stdout()).doesNotContain("sleep 30");
    }
  }

  @EngineTest
  void ringBuffer_overflow_keepsNewestAndFlags(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      BackgroundProcess p =
          box.runDetached(
              "head -c 200000 /dev/zero | tr '\\000' a; echo; echo end",
              ExecOptions.defaults().withBufferSize(1024));
      ExecResult r = p.waitFor(WAIT).orElseThrow();
      assertThat(p.bufferOverflowed()).isTrue();
      assertThat(r.truncated()).isTrue();
      assertThat(p.bufferSize()).isLessThanOrEqualTo(1024);
      String out = p.read().stdout();
      assertThat(out).hasSize(1024).endsWith("aaa\nend\n");
    }
  }

  @EngineTest
  void ringBuffer_overflowWithMultiByteText_neverSplitsCharacters(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      BackgroundProcess p =
          box.runDetached(
              "python3 -c \"import sys; [sys.stdout.write('€😀') or sys.stdout.flush() for _ in range(5000)]\"",
              ExecOptions.defaults().withBufferSize(1000));
      p.waitFor(WAIT).orElseThrow();
      String out = p.peek().stdout();
      assertThat(p.bufferOverflowed()).isTrue();
      assertThat(out).doesNotContain("\uFFFD").isNotEmpty();
      assertThat(out.replace("€", "").replace("😀", "")).isEmpty();
    }
  }

  @EngineTest
  void runDetached_noTimeoutByDefault_butHonoursAnExplicitOne(TestEngine engine) {
    try (Container box =
        engine.dock().create(engine.spec().execTimeout(Duration.ofSeconds(1)).build())) {
      BackgroundProcess outlives = box.runDetached("sleep 3; echo done");
      BackgroundProcess limited =
          box.runDetached("sleep 300", ExecOptions.defaults().withTimeout(Duration.ofSeconds(1)));
      ExecResult r = outlives.waitFor(WAIT).orElseThrow();
      assertThat(r.timedOut()).isFalse();
      assertThat(r.stdout()).isEqualTo("done\n");
      ExecResult t = limited.waitFor(WAIT).orElseThrow();
      assertThat(t.timedOut()).isTrue();
      assertThat(t.exitCode()).isEqualTo(ExecResult.TIMEOUT_EXIT_CODE);
    }
  }

  @EngineTest
  void kill_notASignalName_invalidArgument(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      BackgroundProcess p = box.runDetached("sleep 300");
      assertThatThrownBy(() -> p.kill("TERM; rm -rf /"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("not a signal name");
      assertThat(p.isRunning()).isTrue();
      p.kill("KILL");
      assertThat(p.waitFor(WAIT)).isPresent();
    }
  }

  @EngineTest
  void runDetached_onBusybox_killWorks(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().image(TestImages.BUSYBOX).build())) {
      BackgroundProcess p = box.runDetached("echo up; sleep 300");
      p.kill();
      ExecResult r = p.waitFor(WAIT).orElseThrow();
      assertThat(r.exitCode()).isEqualTo(143);
      assertThat(r.stdout()).isEqualTo("up\n");
    }
  }

  @EngineTest
  void kill_rightAfterRunDetached_endsEachRunWithTheSignalsExitCode(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      List<BackgroundProcess> runs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        BackgroundProcess p = box.runDetached("sleep 300");
        p.kill(i % 2 == 0 ? "TERM" : "KILL"); // at once: its process may not exist yet
        runs.add(p);
      }
      for (int i = 0; i < runs.size(); i++) {
        Optional<ExecResult> r = runs.get(i).waitFor(KILL_WAIT);
        assertThat(r).as("run " + i + " ended").isPresent();
        assertThat(r.get().exitCode()).as("run " + i).isEqualTo(i % 2 == 0 ? 143 : 137);
      }
      assertThat(box.run(RunIT.SURVIVORS).stdout()).doesNotContain("sleep 300");
    }
  }

  @EngineTest
  void kill_runWhoseProcessCarriesItsTokenOnlyLater_isLookedForAgainAndEnds(TestEngine engine) {
    // For half a second no process of the run carries its token (as when exec start answered
    // before the process exists); the kill must keep looking instead of doing nothing.
    String late =
        "exec env -u POCKET_DOCK_RUN T=\"$POCKET_DOCK_RUN\" sh -c 'sleep 0.5; exec env POCKET_DOCK_RUN=\"$T\" sleep 300'";
    for (String image : List.of(TestImages.MINIMAL, TestImages.BUSYBOX)) {
      try (Container box = engine.dock().create(engine.spec().image(image).build())) {
        BackgroundProcess p = box.runDetached(late);
        p.kill();
        Optional<ExecResult> r = p.waitFor(KILL_WAIT);
        assertThat(r).as(image).isPresent();
        assertThat(r.get().exitCode()).as(image).isEqualTo(143);
      }
    }
  }

  @EngineTest
  void runDetached_containerRemoved_processEndsWithoutHang(TestEngine engine) {
    Container box = engine.dock().create(engine.spec().build());
    BackgroundProcess p = box.runDetached("sleep 300");
    box.close();
    // Either an exit or a typed error; the failure mode is waiting forever.
    assertThat(p.onExit().handle((r, e) -> e == null ? "exit " + r.exitCode() : e.getClass().getSimpleName())
            .orTimeout(20, TimeUnit.SECONDS).join())
        .isNotNull();
    assertThat(p.isRunning()).isFalse();
  }
}
