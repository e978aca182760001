package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.BackgroundProcess;
import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.ExecStream;
import io.pocketdock.StreamChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** All three modes at once on one container, and output far beyond every cap. */
class ConcurrencyIT {

  @EngineTest
  void run_tenConcurrentSleeps_finishInAboutOneSecond(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      box.run("true"); // warm up
      long t0 = System.nanoTime();
      List<CompletableFuture<ExecResult>> runs = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        runs.add(box.async().run("sleep 1"));
      }
      runs.forEach(f -> assertThat(f.join().ok()).isTrue());
      long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      System.out.println("[" + engine.kind().id() + "] 10 x sleep 1 concurrently: " + wallMs + " ms");
      // One after another they take at least 10 s, however fast the engine; the time itself
      // (about 1 s plus the engine's exec overhead) goes into the note, not an assertion.
      assertThat(wallMs).isLessThan(10_000);
    }
  }

  @EngineTest
  void modes_atOnceOnOneContainer_neverBlockEachOther(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      BackgroundProcess server = box.runDetached("while true; do echo tick; sleep 0.1; done");
      try (ExecStream stream = box.stream("echo start; sleep 3; echo end")) {
        Iterator<StreamChunk> it = stream.iterator();
        assertThat(it.next().data()).isEqualTo("start\n");
        // The stream is open and the background process is running: a blocking run goes through.
        long t0 = System.nanoTime();
        assertThat(box.run("echo quick").stdout()).isEqualTo("quick\n");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(2_500);
        assertThat(it.next().data()).isEqualTo("end\n");
        assertThat(stream.result().ok()).isTrue();
      }
      assertThat(server.isRunning()).isTrue();
      assertThat(server.peek().stdout()).startsWith("tick\ntick\n");
      server.kill();
      assertThat(server.waitFor(Duration.ofSeconds(15))).isPresent();
    }
  }

  @EngineTest
  void run_outputBeyondTenMiB_cutAtCapWithoutDeadlock(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      ExecResult r =
          box.run(
              "head -c 30000000 /dev/zero | tr '\\000' a; echo done >&2",
              ExecOptions.defaults().withTimeout(Duration.ofMinutes(2)));
      assertThat(r.exitCode()).isZero();
      assertThat(r.truncated()).isTrue();
      assertThat(r.stdout().length() + r.stderr().length()).isEqualTo(ExecOptions.DEFAULT_MAX_OUTPUT);
    }
  }

  @EngineTest
  void stream_fiftyMegabytesInSmallHeap_completesWithRightCount(TestEngine engine)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                BigOutputMain.class.getName(),
                engine.socket().toString(),
                TestEngine.RUN_ID)
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    Map<String, String> seen = new HashMap<>();
    for (String line : output.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.contains(" ")) {
        seen.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    System.out.println("[" + engine.kind().id() + "] 50 MB streamed with -Xmx64m in " + seen.get("stream.ms") + " ms");
    assertThat(seen)
        .as(output)
        .containsEntry("stream.bytes", String.valueOf(BigOutputMain.STREAM_BYTES))
        .containsEntry("stream.exit", "0")
        .containsEntry("stream.truncated", "true")
        .containsEntry("stream.kept", String.valueOf(ExecOptions.DEFAULT_MAX_OUTPUT))
        .containsEntry("run.kept", String.valueOf(ExecOptions.DEFAULT_MAX_OUTPUT))
        .containsEntry("run.truncated", "true")
        .containsEntry("detached.exit", "0")
        .containsEntry("detached.buffered", String.valueOf(ExecOptions.DEFAULT_BUFFER_SIZE))
        .containsEntry("detached.overflowed", "true");
  }
}
