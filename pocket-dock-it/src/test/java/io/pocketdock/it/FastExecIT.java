package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.PocketDock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The fast exec path: runs on a warm sandbox go through the in-sandbox helper and give exactly what
 * the exec API gives; anything it cannot carry falls back to the exec API unnoticed.
 */
class FastExecIT {
  /** Prints whether the command's parent is the fast-exec helper. */
  static final String ROUTE =
      "if tr '\\000' ' ' < /proc/$PPID/cmdline 2>/dev/null | grep -q pocket-dock-fast-exec;"
          + " then echo fast; else echo exec-api; fi";

  /**
   * A dock with the fast path switched on explicitly, so these tests mean the same when the suite
   * runs with {@code -Dpocketdock.fastExec=false}.
   */
  static PocketDock fast(TestEngine engine) {
    return PocketDock.builder().socket(engine.socket()).fastExec(true).build();
  }

  @EngineTest
  void run_warmSandbox_goesThroughHelper(TestEngine engine) {
    try (PocketDock dock = fast(engine);
        Container box = dock.create(engine.spec().build())) {
      box.run("true");
      assertThat(box.run(ROUTE).stdout()).isEqualTo("fast\n");
    }
  }

  @EngineTest
  void run_fastExecOff_goesThroughExecApi(TestEngine engine) {
    try (PocketDock off = PocketDock.builder().socket(engine.socket()).fastExec(false).build();
        Container box = off.create(engine.spec().build())) {
      box.run("true");
      assertThat(box.run(ROUTE).stdout()).isEqualTo("exec-api\n");
    }
  }

  @EngineTest
  void run_sameCommand_givesTheExecApisResult(TestEngine engine) {
    String command =
        "pwd; id; umask; ulimit -n; env | grep -v -e '^POCKET_DOCK_RUN=' -e '^_=' -e '^HOSTNAME=' | sort;"
            + " ls -l /proc/self/fd | awk 'NR > 1 {print $9, $10, $11}' | grep -v -e pipe -e /proc/;"
            + " echo err >&2; exit 7";
    ExecOptions options =
        ExecOptions.defaults().withWorkdir("/tmp").withEnv("MULTI", "two\nlines 'quoted' $HOME");
    try (PocketDock on = fast(engine);
        PocketDock off = PocketDock.builder().socket(engine.socket()).fastExec(false).build();
        Container fast = on.create(engine.spec().build());
        Container slow = off.create(engine.spec().build())) {
      fast.run("true");
      for (ExecOptions o : List.of(ExecOptions.defaults(), options)) {
        ExecResult a = fast.run(command, o);
        ExecResult b = slow.run(command, o);
        assertThat(a.stdout()).isEqualTo(b.stdout());
        assertThat(a.stderr()).isEqualTo("err\n").isEqualTo(b.stderr());
        assertThat(a.exitCode()).isEqualTo(7).isEqualTo(b.exitCode());
      }
      assertThat(fast.run(ROUTE).stdout()).isEqualTo("fast\n");
    }
  }

  @EngineTest
  void run_exitCodesAndSignals_areExact(TestEngine engine) {
    try (PocketDock dock = fast(engine);
        Container box = dock.create(engine.spec().build())) {
      box.run("true");
      assertThat(box.run("exit 255").exitCode()).isEqualTo(255);
      assertThat(box.run("kill -9 $$").exitCode()).isEqualTo(137);
      assertThat(box.run("kill -TERM $$").exitCode()).isEqualTo(143);
      assertThat(box.run("printf 'no newline'; printf 'e' >&2").stdout()).isEqualTo("no newline");
      assertThat(box.run(ROUTE).stdout()).isEqualTo("fast\n");
    }
  }

  @EngineTest
  void run_stateChanges_doNotLeakIntoNextRun(TestEngine engine) {
    try (PocketDock dock = fast(engine);
        Container box = dock.create(engine.spec().build())) {
      box.run("cd /tmp; export LEAK=1; umask 077; ulimit -n 64; trap '' INT; alias x=y; exec 7>/tmp/f");
      ExecResult r = box.run("pwd; echo ${LEAK:-unset}; umask; ulimit -n; ls /proc/self/fd");
      assertThat(r.stdout()).startsWith("/home/sandbox\nunset\n0022\n");
      assertThat(r.stdout()).doesNotContain("\n7\n");
    }
  }

  @EngineTest
  void run_backgroundChildHoldingOutput_waitsForItAndNeverLeaks(TestEngine engine) {
    try (PocketDock dock = fast(engine);
        Container box = dock.create(engine.spec().build())) {
      box.run("true");
      ExecResult r = box.run("(sleep 1; echo late; echo late-err >&2) & echo early");
      // Like the exec API: the run lasts until every holder of its output has closed it.
      assertThat(r.stdout()).isEqualTo("early\nlate\n");
      assertThat(r.stderr()).isEqualTo("late-err\n");
      assertThat(box.run("echo next").stdout()).isEqualTo("next\n");
    }
  }

  @EngineTest
  void run_backgroundChildWithOwnOutput_returnsAtOnceAndKeepsRunning(TestEngine engine) {
    try (PocketDock dock = fast(engine);
        Container box = dock.create(engine.spec().build())) {
      box.run("true");
      ExecResult r = box.run("sleep 300 >/dev/null 2>&1 & echo started");
      assertThat(r.stdout()).isEqualTo("started\n");
      // The failure mode is waiting for sleep 300; seconds tell them apart.
      assertThat(r.durationMs()).isLessThan(10_000);
      assertThat(box.run(RunIT.SURVIVORS).stdout()).contains("sleep 300");
      assertThat(box.run("echo next").stdout()).isEqualTo("next\n");
    }
  }

  @EngineTest
  void run_readsStdin_getsEndOfInput(TestEngine engine) {
    try (PocketDock dock = fast(engine);
        Container box = dock.create(engine.spec().build())) {
      box.run("true");
      ExecResult r = box.run("cat; read x || echo eof");
      assertThat(r.stdout()).isEqualTo("eof\n");
      assertThat(box.run(ROUTE).stdout()).isEqualTo("fast\n");
    }
  }

  @EngineTest
  void run_concurrentRuns_eachGetsItsOwnOutputAndCode(TestEngine engine) {
    try (PocketDock dock = fast(engine);
        Container box = dock.create(engine.spec().build())) {
      box.run("true");
      List<CompletableFuture<ExecResult>> runs = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        runs.add(box.async().run("echo out" + i + "; echo err" + i + " >&2; exit " + i));
      }
      for (int i = 0; i < runs.size(); i++) {
        ExecResult r = runs.get(i).join();
        assertThat(r.stdout()).isEqualTo("out" + i + "\n");
        assertThat(r.stderr()).isEqualTo("err" + i + "\n");
        assertThat(r.exitCode()).isEqualTo(i);
      }
    }
  }

  @EngineTest
  void run_timeout_killsTreeAndHelperStaysUsable(TestEngine engine) {
    try (PocketDock dock = fast(engine);
        Container box = dock.create(engine.spec().build())) {
      box.run("true");
      ExecResult r =
          box.run(
              "sleep 311 & setsid sh -c 'sleep 312' & echo before; sleep 313",
              ExecOptions.defaults().withTimeout(Duration.ofSeconds(1)));
      assertThat(r.timedOut()).isTrue();
      assertThat(r.exitCode()).isEqualTo(ExecResult.TIMEOUT_EXIT_CODE);
      assertThat(r.stdout()).isEqualTo("before\n");
      assertThat(r.durationMs()).isLessThan(10_000);
      assertThat(box.run(RunIT.SURVIVORS).stdout()).doesNotContain("sleep 31");
      assertThat(box.run(ROUTE).stdout()).isEqualTo("fast\n");
    }
  }

  @EngineTest
  void run_otherUserOrMissingWorkdir_fallsBackToExecApi(TestEngine engine) {
    try (PocketDock on = fast(engine);
        PocketDock off = PocketDock.builder().socket(engine.socket()).fastExec(false).build();
        Container fast = on.create(engine.spec().build());
        Container slow = off.create(engine.spec().build())) {
      fast.run("true");
      ExecResult root = fast.run("id -u; " + ROUTE, ExecOptions.defaults().withUser("0"));
      assertThat(root.stdout()).isEqualTo("0\nexec-api\n");
      Function<Container, String> missingDir =
          c -> {
            try {
              ExecResult r = c.run("pwd", ExecOptions.defaults().withWorkdir("/no/such/dir"));
              return "exit " + r.exitCode() + " " + r.stdout();
            } catch (RuntimeException e) {
              return e.getClass().getSimpleName();
            }
          };
      assertThat(missingDir.apply(fast)).isEqualTo(missingDir.apply(slow));
    }
  }

  @EngineTest
  void run_helperKilled_nextRunsStillWork(TestEngine engine) {
    try (PocketDock dock = fast(engine);
        Container box = dock.create(engine.spec().build())) {
      box.run("true");
      String killHelpers =
          "for d in /proc/[0-9]*; do"
              + " if tr '\\000' ' ' < $d/cmdline 2>/dev/null | grep -q pocket-dock-fast-exec; then"
              + " kill -9 ${d#/proc/}; fi; done";
      box.run(killHelpers, ExecOptions.defaults().withUser("0"));
      assertThat(box.run("echo one").stdout()).isEqualTo("one\n");
      assertThat(box.run("echo two").stdout()).isEqualTo("two\n");
      assertThat(box.run(ROUTE).stdout()).isEqualTo("fast\n");
    }
  }

  @EngineTest
  void run_afterReboot_helperRestarts(TestEngine engine) {
    try (PocketDock dock = fast(engine);
        Container box = dock.create(engine.spec().build())) {
      box.run("true");
      box.reboot();
      assertThat(box.run("echo back").stdout()).isEqualTo("back\n");
      assertThat(box.run(ROUTE).stdout()).isEqualTo("fast\n");
    }
  }

  @EngineTest
  void run_busyboxImage_usesHelper(TestEngine engine) {
    try (PocketDock dock = fast(engine);
        Container box = dock.create(engine.spec().image(TestImages.BUSYBOX).build())) {
      box.run("true");
      assertThat(box.run(ROUTE).stdout()).isEqualTo("fast\n");
      ExecResult r = box.run("echo out; echo err >&2; exit 5");
      assertThat(r.stdout()).isEqualTo("out\n");
      assertThat(r.stderr()).isEqualTo("err\n");
      assertThat(r.exitCode()).isEqualTo(5);
    }
  }
}
