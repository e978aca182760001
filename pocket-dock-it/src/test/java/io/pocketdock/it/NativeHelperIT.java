package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.PocketDock;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The native fast-exec helper (pd-exec): one process per sandbox carries every blocking run, with
 * exactly the exec API's results; where it cannot run, the sh helper takes over unnoticed. Every
 * assertion is about behaviour, none about time. With {@code -Dpocketdock.fastExec.native=false}
 * (a pass of scripts/test) the same behaviour is asserted of the sh helper, and no native helper
 * may appear.
 */
class NativeHelperIT {
  /** Whether this JVM runs with the native helper (the SDK reads the same property). */
  static final boolean NATIVE = !"false".equals(System.getProperty("pocketdock.fastExec.native"));

  /** What {@link #ROUTE} prints on the fast path. */
  static final String FAST = NATIVE ? "native\n" : "other\n";

  /** What {@link #HELPERS} prints while a sandbox's fast path is warm. */
  static final String ONE = NATIVE ? "1\n" : "0\n";

  /** Prints whether the command's parent is the native helper (not the sh one, not the exec API). */
  static final String ROUTE =
      "if tr '\\000' ' ' < /proc/$PPID/cmdline 2>/dev/null"
          + " | grep -q '^/.pocket-dock/pocket-dock-fast-exec-'; then echo native; else echo other; fi";

  /** Counts the sandbox's native helper processes. */
  static final String HELPERS =
      "n=0; for d in /proc/[0-9]*; do"
          + " if tr '\\000' ' ' < $d/cmdline 2>/dev/null"
          + " | grep -q '^/.pocket-dock/pocket-dock-fast-exec-'; then n=$((n + 1)); fi; done; echo $n";

  /** Counts the sandbox's sh helper processes (its last argument, after the multi-line loop, is pocket-dock-fast-exec). */
  static final String SH_HELPERS =
      "n=0; for d in /proc/[0-9]*; do"
          + " if tr '\\000' ' ' < $d/cmdline 2>/dev/null"
          + " | grep -q '^ *pocket-dock-fast-exec $'; then n=$((n + 1)); fi; done; echo $n";

  static final String RESOURCE = "io/pocketdock/helper/linux-x86_64/pd-exec";

  static PocketDock off(TestEngine engine) {
    return PocketDock.builder().socket(engine.socket()).fastExec(false).build();
  }

  @Test
  void sdkJar_x86_64Build_carriesTheHelper() throws Exception {
    assumeThat(System.getProperty("os.arch")).isIn("amd64", "x86_64");
    Path source = Path.of(PocketDock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    byte[] head;
    if (Files.isDirectory(source)) {
      head = Files.readAllBytes(source.resolve(RESOURCE));
    } else {
      try (JarFile jar = new JarFile(source.toFile())) {
        ZipEntry entry = jar.getEntry(RESOURCE);
        assertThat(entry).as("%s in %s", RESOURCE, source).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
          head = in.readNBytes(20);
        }
      }
    }
    // A static x86-64 ELF executable.
    assertThat(head).startsWith(0x7f, 'E', 'L', 'F', 2);
    assertThat(head[18]).isEqualTo((byte) 0x3e);
  }

  @EngineTest
  void run_warmSandbox_goesThroughNativeHelper(TestEngine engine) {
    try (PocketDock dock = FastExecIT.fast(engine);
        Container box = dock.create(engine.spec().build())) {
      assertThat(box.run(ROUTE).stdout()).isEqualTo(FAST);
      assertThat(box.run(FastExecIT.ROUTE).stdout()).isEqualTo("fast\n");
      assertThat(box.run(HELPERS).stdout()).isEqualTo(ONE);
      String uploaded = box.run("ls -ln /.pocket-dock 2>/dev/null").stdout();
      if (NATIVE) {
        assertThat(uploaded).containsPattern("-rwxr-xr-x +1 0 +0 .* pocket-dock-fast-exec-[0-9a-f]{16}\n");
        assertThat(box.run("stat -c '%a %u' /.pocket-dock").stdout()).isEqualTo("755 0\n");
      } else {
        assertThat(uploaded).isEmpty(); // nothing is put into the sandbox
      }
    }
  }

  @EngineTest
  void run_exitCodesAndSignals_areExact(TestEngine engine) {
    try (PocketDock dock = FastExecIT.fast(engine);
        Container box = dock.create(engine.spec().build())) {
      assertThat(box.run(ROUTE).stdout()).isEqualTo(FAST);
      assertThat(box.run("true").exitCode()).isZero();
      assertThat(box.run("exit 1").exitCode()).isEqualTo(1);
      assertThat(box.run("exit 255").exitCode()).isEqualTo(255);
      assertThat(box.run("exit 256").exitCode()).isZero();
      assertThat(box.run("kill -9 $$").exitCode()).isEqualTo(137);
      assertThat(box.run("kill -TERM $$").exitCode()).isEqualTo(143);
      assertThat(box.run("kill -INT $$").exitCode()).isEqualTo(130);
      assertThat(box.run("no-such-command").exitCode()).isEqualTo(127);
      assertThat(box.run(HELPERS).stdout()).isEqualTo(ONE);
    }
  }

  @EngineTest
  void run_stdoutAndStderr_stayApartAndInOrder(TestEngine engine) {
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      out.append("out ").append(i).append('\n');
      err.append("err ").append(i).append('\n');
    }
    try (PocketDock dock = FastExecIT.fast(engine);
        Container box = dock.create(engine.spec().build())) {
      ExecResult r =
          box.run("i=1; while [ $i -le 2000 ]; do echo \"out $i\"; echo \"err $i\" >&2; i=$((i+1)); done");
      assertThat(r.stdout()).isEqualTo(out.toString());
      assertThat(r.stderr()).isEqualTo(err.toString());
      assertThat(r.exitCode()).isZero();
      assertThat(r.truncated()).isFalse();
      ExecResult binary = box.run("printf 'a\\000b\\377c'; printf '\\303\\251' >&2");
      assertThat(binary.stdout().getBytes(StandardCharsets.UTF_8)).startsWith('a', 0, 'b');
      assertThat(binary.stderr()).isEqualTo("é");
      assertThat(box.run(ROUTE).stdout()).isEqualTo(FAST);
    }
  }

  @EngineTest
  void run_50MegabytesOfOutput_arriveIntact(TestEngine engine) throws Exception {
    try (PocketDock dock = FastExecIT.fast(engine);
        Container box = dock.create(engine.spec().build())) {
      ExecResult made =
          box.run("head -c 37500000 /dev/urandom | base64 -w0 > /tmp/big && sha256sum /tmp/big");
      assertThat(made.exitCode()).isZero();
      String expected = made.stdout().substring(0, 64);
      ExecResult r = box.run("cat /tmp/big", ExecOptions.defaults().withMaxOutput(64L << 20));
      assertThat(r.exitCode()).isZero();
      assertThat(r.truncated()).isFalse();
      byte[] got = r.stdout().getBytes(StandardCharsets.US_ASCII);
      assertThat(got.length).isEqualTo(50_000_000);
      String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(got));
      assertThat(actual).isEqualTo(expected);
      // Beyond maxOutput: cut and flagged, as on every path.
      ExecResult cut = box.run("cat /tmp/big", ExecOptions.defaults().withMaxOutput(1000));
      assertThat(cut.truncated()).isTrue();
      assertThat(cut.stdout()).hasSize(1000);
      assertThat(box.run(ROUTE).stdout()).isEqualTo(FAST);
      assertThat(box.run(HELPERS).stdout()).isEqualTo(ONE);
    }
  }

  @EngineTest
  void run_concurrentRuns_overlapOnOneHelper(TestEngine engine) {
    // Each run announces itself, then waits until all ten have: only runs in flight at the same
    // time can all succeed. The deadline is the shell's, so a failure is an exit code, not a hang.
    String barrier =
        "mkdir -p /tmp/b && touch /tmp/b/$N && end=$(( $(date +%s) + 30 ));"
            + " while [ \"$(ls /tmp/b | wc -l)\" -lt 10 ]; do"
            + " [ \"$(date +%s)\" -ge \"$end\" ] && exit 1; sleep 0.05; done; "
            + ROUTE;
    try (PocketDock dock = FastExecIT.fast(engine);
        Container box = dock.create(engine.spec().build())) {
      assertThat(box.run(ROUTE).stdout()).isEqualTo(FAST);
      List<CompletableFuture<ExecResult>> runs = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        runs.add(box.async().run(barrier, ExecOptions.defaults().withEnv("N", String.valueOf(i))));
      }
      for (CompletableFuture<ExecResult> run : runs) {
        ExecResult r = run.join();
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).isEqualTo(FAST);
      }
      assertThat(box.run(HELPERS).stdout()).isEqualTo(ONE);
      if (NATIVE) {
        assertThat(box.run(SH_HELPERS).stdout()).isEqualTo("0\n");
      }
    }
  }

  @EngineTest
  void run_timeout_killsTreeIncludingNewSession(TestEngine engine) {
    try (PocketDock dock = FastExecIT.fast(engine);
        Container box = dock.create(engine.spec().build())) {
      assertThat(box.run(ROUTE).stdout()).isEqualTo(FAST);
      ExecResult r =
          box.run(
              ROUTE + "; sleep 321 & setsid sh -c 'sleep 322' & sleep 323",
              ExecOptions.defaults().withTimeout(Duration.ofSeconds(1)));
      assertThat(r.timedOut()).isTrue();
      assertThat(r.exitCode()).isEqualTo(ExecResult.TIMEOUT_EXIT_CODE);
      assertThat(r.stdout()).isEqualTo(FAST);
      assertThat(box.run(RunIT.SURVIVORS).stdout()).doesNotContain("sleep 32");
      assertThat(box.run(ROUTE).stdout()).isEqualTo(FAST);
      assertThat(box.run(HELPERS).stdout()).isEqualTo(ONE);
    }
  }

  @EngineTest
  void run_missingWorkdir_givesTheExecApisResult(TestEngine engine) {
    try (PocketDock on = FastExecIT.fast(engine);
        PocketDock off = off(engine);
        Container fast = on.create(engine.spec().build());
        Container slow = off.create(engine.spec().build())) {
      assertThat(fast.run(ROUTE).stdout()).isEqualTo(FAST);
      Function<Container, String> missingDir =
          c -> {
            try {
              ExecResult r = c.run("pwd", ExecOptions.defaults().withWorkdir("/no/such/dir"));
              // Podman's exec API sometimes adds a line of its own attach noise ("Error: read
              // unixpacket ...: connection reset by peer") after the runtime's message: not ours.
              String stderr =
                  r.stderr()
                      .lines()
                      .filter(l -> !l.contains("connection reset by peer"))
                      .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
              return "exit " + r.exitCode() + " " + r.stdout() + stderr;
            } catch (RuntimeException e) {
              return e.getClass().getSimpleName();
            }
          };
      assertThat(missingDir.apply(fast)).isEqualTo(missingDir.apply(slow));
      ExecOptions tmp = ExecOptions.defaults().withWorkdir("/tmp");
      assertThat(fast.run("pwd; " + ROUTE, tmp).stdout()).isEqualTo("/tmp\n" + FAST);
      assertThat(fast.run(HELPERS).stdout()).isEqualTo(ONE);
    }
  }

  @EngineTest
  void run_readOnlyRootfs_stillRunsFast(TestEngine engine) {
    try (PocketDock dock = FastExecIT.fast(engine);
        Container box = dock.create(engine.spec().readOnlyRootfs(true).build())) {
      ExecResult r = box.run("echo out; echo err >&2; exit 3");
      assertThat(r.stdout()).isEqualTo("out\n");
      assertThat(r.stderr()).isEqualTo("err\n");
      assertThat(r.exitCode()).isEqualTo(3);
      // The sh helper: the native one cannot be put into a read-only root.
      assertThat(box.run(FastExecIT.ROUTE).stdout()).isEqualTo("fast\n");
    }
  }

  @EngineTest
  void close_leavesNoHelperBehind(TestEngine engine) throws Exception {
    try (PocketDock owner = off(engine);
        Container box = owner.create(engine.spec().build())) {
      PocketDock dock = FastExecIT.fast(engine);
      Container attached = dock.attach(box.id());
      assertThat(attached.run(ROUTE).stdout()).isEqualTo(FAST);
      assertThat(box.run(HELPERS).stdout()).isEqualTo(ONE);
      dock.close();
      Poll.until(
          Duration.ofSeconds(30),
          "the helpers to exit",
          () -> box.run(HELPERS + "; " + SH_HELPERS).stdout().equals("0\n0\n"));
      PocketDock again = FastExecIT.fast(engine);
      try (again) {
        Container second = again.attach(box.id());
        assertThat(second.run(ROUTE).stdout()).isEqualTo(FAST);
        second.reboot();
        assertThat(box.run(HELPERS).stdout()).isEqualTo("0\n");
        assertThat(second.run(ROUTE).stdout()).isEqualTo(FAST);
      }
    }
  }

  @EngineTest
  void helperDiesDuringASilentRun_theCommandIsNotRunAgain(TestEngine engine) throws Exception {
    // A command that prints nothing has still started: when its helper is lost, the run must not
    // be taken for one that never started and run a second time through the exec API.
    try (PocketDock owner = off(engine);
        Container box = owner.create(engine.spec().build());
        PocketDock dock = FastExecIT.fast(engine)) {
      Container fast = dock.attach(box.id());
      assertThat(fast.run("true").exitCode()).isZero();
      CompletableFuture<ExecResult> silent =
          CompletableFuture.supplyAsync(() -> fast.run("echo once >> /tmp/count; exec sleep 60"));
      Poll.until(
          Duration.ofSeconds(60),
          "the silent command runs",
          () -> box.run("cat /tmp/count 2>/dev/null").stdout().equals("once\n"));
      // Kill every fast-exec helper of the sandbox (native or sh), through the exec API.
      box.run(
          "for d in /proc/[0-9]*; do if tr '\\000' ' ' < $d/cmdline 2>/dev/null"
              + " | grep -q 'pocket-dock-fast-exec'; then kill -9 ${d#/proc/}; fi; done");
      try {
        silent.get(120, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException lostRun) {
        // A typed error for the lost run is as good as a result here: what matters is below.
      }
      assertThat(box.run("cat /tmp/count").stdout()).isEqualTo("once\n");
    }
  }
}
