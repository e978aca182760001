package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Blocking runs: exit codes, separate streams, timeouts that kill, output caps. */
class RunIT {

  @EngineTest
  void run_echo_returnsStdoutAndZeroExit(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      ExecResult r = box.run("echo hello");
      assertThat(r.exitCode()).isZero();
      assertThat(r.stdout()).isEqualTo("hello\n");
      assertThat(r.stderr()).isEmpty();
      assertThat(r.ok()).isTrue();
      assertThat(r.timedOut()).isFalse();
      assertThat(r.truncated()).isFalse();
      assertThat(r.durationMs()).isGreaterThanOrEqualTo(0);
    }
  }

  @EngineTest
  void run_nonZeroExitAndStderr_keepsStreamsApartAndReportsCode(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      ExecResult r = box.run("echo out; echo err >&2; exit 3");
      assertThat(r.exitCode()).isEqualTo(3);
      assertThat(r.stdout()).isEqualTo("out\n");
      assertThat(r.stderr()).isEqualTo("err\n");
      assertThat(r.ok()).isFalse();
      assertThat(box.run("exit 255").exitCode()).isEqualTo(255);
      assertThat(box.run("kill -9 $$").exitCode()).isEqualTo(137);
    }
  }

  @EngineTest
  void run_asSandboxUserInHome_withPython(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      ExecResult r = box.run("id -un; pwd; python3 -c 'print(6*7)'");
      assertThat(r.stdout()).isEqualTo("sandbox\n/home/sandbox\n42\n");
    }
  }

  @EngineTest
  void run_withOptions_appliesWorkdirEnvAndUser(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      ExecResult r =
          box.run(
              "pwd; echo \"$GREETING\"; id -u",
              ExecOptions.defaults().withWorkdir("/tmp").withEnv("GREETING", "hi there").withUser("0"));
      assertThat(r.stdout()).isEqualTo("/tmp\nhi there\n0\n");
    }
  }

  @EngineTest
  void run_exceedsTimeout_killsProcessTreeAndFlagsTimedOut(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      // A tree: a background child, a grandchild in its own session, and a foreground sleep.
      ExecResult r =
          box.run(
              "sleep 301 & setsid sh -c 'sleep 302' & sleep 303",
              ExecOptions.defaults().withTimeout(Duration.ofSeconds(1)));
      assertThat(r.timedOut()).isTrue();
      assertThat(r.exitCode()).isEqualTo(ExecResult.TIMEOUT_EXIT_CODE);
      assertThat(r.ok()).isFalse();
      // The failure mode is waiting for sleep 303 (minutes); a bound of seconds tells them apart.
      assertThat(r.durationMs()).isLessThan(10_000);
      // Verified from inside the container: none of the three sleeps survive.
      ExecResult ps = box.run(SURVIVORS);
      assertThat(ps.stdout()).doesNotContain("sleep 30");
      assertThat(box.run("echo still usable").stdout()).isEqualTo("still usable\n");
    }
  }

  /** Lists every process's command line from /proc (no ps needed). */
  static final String SURVIVORS =
      "for d in /proc/[0-9]*; do tr '\\000' ' ' < $d/cmdline 2>/dev/null; echo; done";

  @EngineTest
  void run_outputBeyondMaxOutput_isCutAndFlagged(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      ExecResult r =
          box.run(
              "head -c 3000000 /dev/zero | tr '\\000' a; echo tail >&2",
              ExecOptions.defaults().withMaxOutput(1000));
      assertThat(r.truncated()).isTrue();
      assertThat(r.stdout().length() + r.stderr().length()).isLessThanOrEqualTo(1000);
      assertThat(r.stdout()).matches("a+");
      assertThat(r.exitCode()).isZero();
    }
  }

  @EngineTest
  void run_concurrentOnOneContainer_allComplete(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      List<CompletableFuture<ExecResult>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(box.async().run("sleep 1; echo " + i));
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < runs.size(); i++) {
        assertThat(runs.get(i).join().stdout()).isEqualTo(i + "\n");
      }
      // Eight one-second sleeps that ran one after another would take 8 s.
      assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(6_000);
    }
  }

  @EngineTest
  void run_onBusyboxImage_works(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().image(TestImages.BUSYBOX).build())) {
      ExecResult r = box.run("echo hi; exit 4");
      assertThat(r.stdout()).isEqualTo("hi\n");
      assertThat(r.exitCode()).isEqualTo(4);
      ExecResult t = box.run("sleep 300", ExecOptions.defaults().withTimeout(Duration.ofSeconds(1)));
      assertThat(t.timedOut()).isTrue();
      assertThat(box.run(SURVIVORS).stdout()).doesNotContain("sleep 300");
    }
  }
}
