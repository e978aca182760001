package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Container;
import io.pocketdock.ExecResult;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.Session;
import io.pocketdock.SessionClosedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Long-lived shells: exact per-command results, persistent state, timeouts, exit and close. */
class SessionIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @EngineTest
  void sendAndWait_commands_returnTheirOwnOutputAndExitCode(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Session sh = box.session()) {
      ExecResult r = sh.sendAndWait("echo out; echo err >&2; false", WAIT);
      assertThat(r.stdout()).isEqualTo("out\n");
      assertThat(r.stderr()).isEqualTo("err\n");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.timedOut()).isFalse();
      assertThat(sh.sendAndWait("(exit 255)", WAIT).exitCode()).isEqualTo(255);
      assertThat(sh.sendAndWait("true", WAIT).exitCode()).isZero();
      assertThat(sh.sendAndWait("printf 'no newline'", WAIT).stdout()).isEqualTo("no newline");
      assertThat(sh.sendAndWait("printf 'two\\n\\n'", WAIT).stdout()).isEqualTo("two\n\n");
      assertThat(sh.sendAndWait("printf ''", WAIT).stdout()).isEmpty();
    }
  }

  @EngineTest
  void sendAndWait_stateAcrossCommands_cwdVariablesAndFunctionsPersist(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Session sh = box.session()) {
      sh.sendAndWait("cd /tmp && export GREETING='hi there'; shout() { echo \"$1!\"; }", WAIT);
      ExecResult r = sh.sendAndWait("pwd; echo \"$GREETING\"; shout hey; sh -c 'echo $GREETING'", WAIT);
      assertThat(r.stdout()).isEqualTo("/tmp\nhi there\nhey!\nhi there\n");
    }
  }

  @EngineTest
  void sendAndWait_hostileText_quotesMarkersAndSyntaxErrorsAreHarmless(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Session sh = box.session()) {
      String tricky = "echo 'single' \"double $HOME\" `echo back` \\\\ '__pd_e_' \"__pd_s_x\"";
      assertThat(sh.sendAndWait(tricky, WAIT).stdout())
          .isEqualTo("single double /home/sandbox back \\ __pd_e_ __pd_s_x\n");
      ExecResult multi = sh.sendAndWait("cat <<'EOF'\nline 1\n  line 2\nEOF\necho after", WAIT);
      assertThat(multi.stdout()).isEqualTo("line 1\n  line 2\nafter\n");
      ExecResult bad = sh.sendAndWait("if then fi 'unterminated", WAIT);
      assertThat(bad.exitCode()).isEqualTo(2);
      assertThat(bad.stderr()).isNotEmpty();
      // stdin is /dev/null: a command that reads it ends instead of eating the next commands.
      assertThat(sh.sendAndWait("cat; read x; echo read=$?", WAIT).stdout()).isEqualTo("read=1\n");
      assertThat(sh.sendAndWait("echo still here", WAIT).stdout()).isEqualTo("still here\n");
    }
  }

  @EngineTest
  void sendAndWait_exceedsTimeout_interruptsCommandAndSessionStaysUsable(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Session sh = box.session()) {
      sh.sendAndWait("cd /tmp; export KEEP=1", WAIT);
      ExecResult r = sh.sendAndWait("echo started; sleep 307; echo never", Duration.ofSeconds(1));
      assertThat(r.timedOut()).isTrue();
      assertThat(r.exitCode()).isEqualTo(ExecResult.TIMEOUT_EXIT_CODE);
      assertThat(r.stdout()).isEqualTo("started\n");
      assertThat(r.durationMs()).isLessThan(10_000);
      assertThat(sh.sendAndWait("pwd; echo $KEEP", WAIT).stdout()).isEqualTo("/tmp\n1\n");
      assertThat(box.run("ps -eo args").stdout()).doesNotContain("sleep 307");
      // A loop inside the shell itself, with no child process, is interrupted too.
      ExecResult loop = sh.sendAndWait("while :; do :; done; echo never", Duration.ofSeconds(1));
      assertThat(loop.timedOut()).isTrue();
      assertThat(loop.stdout()).isEmpty();
      assertThat(sh.sendAndWait("echo $KEEP", WAIT).stdout()).isEqualTo("1\n");
    }
  }

  @EngineTest
  void send_fireAndForget_outputReachesReadAndCallback(TestEngine engine) throws Exception {
    try (Container box = engine.dock().create(engine.spec().build());
        Session sh = box.session()) {
      List<String> seen = new CopyOnWriteArrayList<>();
      sh.onOutput(seen::add);
      sh.send("echo from-send; echo err-send >&2");
      sh.sendAndWait("true", WAIT); // the shell runs commands in order: the send is done now
      waitUntil(() -> String.join("", seen).contains("err-send"));
      String drained = sh.read();
      assertThat(drained).contains("from-send\n").contains("err-send\n");
      assertThat(sh.read()).isEmpty();
      assertThat(String.join("", seen)).contains("from-send").doesNotContain("__pd_");
      ExecResult r = sh.sendAndWait("echo waited", WAIT);
      assertThat(r.stdout()).isEqualTo("waited\n");
      assertThat(sh.read()).isEmpty(); // a waited command's output is its result's, not read()'s
    }
  }

  @EngineTest
  void sendAndWait_shellExits_reportsClosedWithCodeInsteadOfHanging(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Session sh = box.session()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> sh.sendAndWait("exit 3", WAIT))
          .isInstanceOf(SessionClosedException.class)
          .hasMessageContaining("exited with code 3");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
      assertThat(sh.isOpen()).isFalse();
      assertThat(sh.closedReason()).get().asString().contains("code 3");
      assertThatThrownBy(() -> sh.send("echo")).isInstanceOf(SessionClosedException.class);
      assertThat(box.session().sendAndWait("echo new", WAIT).stdout()).isEqualTo("new\n");
    }
  }

  @EngineTest
  void close_thenUse_sessionClosedAndItsProcessesEnd(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      Session sh = box.session();
      sh.send("sleep 308 &");
      sh.sendAndWait("true", WAIT);
      assertThat(box.run("ps -eo args").stdout()).contains("sleep 308");
      sh.close();
      sh.close(); // idempotent
      assertThatThrownBy(() -> sh.sendAndWait("true", WAIT)).isInstanceOf(SessionClosedException.class);
      assertThatThrownBy(sh::read).isInstanceOf(SessionClosedException.class);
      assertThat(box.run("ps -eo args").stdout()).doesNotContain("sleep 308");
      assertThatThrownBy(() -> box.session().sendAndWait("true", Duration.ZERO))
          .isInstanceOf(InvalidArgumentException.class);
    }
  }

  @EngineTest
  void shutdown_container_closesItsSessions(TestEngine engine) {
    Session sh;
    try (Container box = engine.dock().create(engine.spec().build())) {
      sh = box.session();
      assertThat(sh.sendAndWait("echo up", WAIT).stdout()).isEqualTo("up\n");
    }
    assertThat(sh.isOpen()).isFalse();
    assertThatThrownBy(() -> sh.sendAndWait("true", WAIT))
        .isInstanceOf(SessionClosedException.class)
        .hasMessageContaining("shut down");
  }

  @EngineTest
  void session_busyboxImage_usesShAndKeepsState(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().image(TestImages.BUSYBOX).build());
        Session sh = box.session()) {
      sh.sendAndWait("cd /tmp; f() { echo fn-$1; }", WAIT);
      ExecResult r = sh.sendAndWait("pwd; f ok; printf x; exit_code_test() { return 7; }; exit_code_test", WAIT);
      assertThat(r.stdout()).isEqualTo("/tmp\nfn-ok\nx");
      assertThat(r.exitCode()).isEqualTo(7);
      ExecResult slow = sh.sendAndWait("sleep 309", Duration.ofSeconds(1));
      assertThat(slow.timedOut()).isTrue();
      assertThat(sh.sendAndWait("echo alive", WAIT).stdout()).isEqualTo("alive\n");
    }
  }

  /** Prints (does not assert) the median round trip of sendAndWait("true"), for the note. */
  @EngineTest
  void sendAndWait_true_medianRoundTripPrinted(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Session sh = box.session()) {
      for (int i = 0; i < 5; i++) {
        sh.sendAndWait("true", WAIT);
      }
      List<Long> micros = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        long t = System.nanoTime();
        assertThat(sh.sendAndWait("true", WAIT).exitCode()).isZero();
        micros.add((System.nanoTime() - t) / 1000);
      }
      Collections.sort(micros);
      System.out.printf(
          "[%s] sendAndWait(\"true\") median %.2f ms (min %.2f, max %.2f) over 50%n",
          engine.kind().id(), micros.get(25) / 1000.0, micros.get(0) / 1000.0, micros.get(49) / 1000.0);
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
  }
}
