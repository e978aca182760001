package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.pocketdock.BackgroundProcess;
import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.ExecStream;
import io.pocketdock.Session;
import io.pocketdock.StdStream;
import io.pocketdock.StreamChunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.AssertionFailedError;

/**
 * 50 threads × 20 mixed operations over 5 sandboxes: every result is checked, and the whole run
 * must finish within a generous bound; if it does not, every thread's stack is printed before the
 * failure, so a deadlock shows where it is.
 */
class StressIT {
  private static final int THREADS = 50;
  private static final int OPS_PER_THREAD = 20;
  private static final int SANDBOXES = 5;
  private static final Duration BOUND = Duration.ofMinutes(8);

  /**
   * One kind of operation and the check of its result. Streams, detached processes, file
   * transfers and sessions join this list as those modes land on the branch.
   */
  @FunctionalInterface
  interface Op {
    void apply(Container box, String token) throws Exception;
  }

  static final Map<String, Op> OPS =
      Map.of(
          "run",
          (box, token) -> {
            ExecResult r = box.run("echo " + token);
            assertThat(r.stdout()).isEqualTo(token + "\n");
            assertThat(r.exitCode()).isZero();
          },
          "run-stderr-exit",
          (box, token) -> {
            ExecResult r = box.run("echo " + token + " >&2; exit 7");
            assertThat(r.stderr()).isEqualTo(token + "\n");
            assertThat(r.stdout()).isEmpty();
            assertThat(r.exitCode()).isEqualTo(7);
          },
          "async-run",
          (box, token) -> {
            ExecResult r = box.async().run("printf %s " + token).get(2, TimeUnit.MINUTES);
            assertThat(r.stdout()).isEqualTo(token);
          },
          "run-capped",
          (box, token) -> {
            ExecResult r =
                box.run("head -c 100000 /dev/zero", ExecOptions.defaults().withMaxOutput(1000));
            assertThat(r.truncated()).isTrue();
            assertThat(r.stdout()).hasSize(1000);
          },
          "info",
          (box, token) -> {
            assertThat(box.info().running()).isTrue();
            assertThat(box.info().protections().nonRoot()).isTrue();
          },
          "stream",
          (box, token) -> {
            try (ExecStream stream = box.stream("echo " + token + "; echo " + token + " >&2")) {
              StringBuilder out = new StringBuilder();
              for (StreamChunk c : stream) {
                if (c.stream() == StdStream.STDOUT) {
                  out.append(c.data());
                }
              }
              assertThat(out).hasToString(token + "\n");
              assertThat(stream.result().exitCode()).isZero();
            }
          },
          "detach",
          (box, token) -> {
            BackgroundProcess p = box.runDetached("echo " + token);
            assertThat(p.waitFor().stdout()).isEqualTo(token + "\n");
          },
          "files",
          (box, token) -> {
            box.writeFile("/tmp/" + token, token);
            assertThat(box.readText("/tmp/" + token)).isEqualTo(token);
          },
          "session",
          (box, token) -> {
            try (Session session = box.session()) {
              session.sendAndWait("X=" + token);
              assertThat(session.sendAndWait("echo $X").stdout()).isEqualTo(token + "\n");
            }
          });

  /** Weighted: info is costly (two stats samples), so it is rare. */
  private static final List<String> MIX =
      List.of("run", "run", "run", "run-stderr-exit", "run-stderr-exit", "async-run", "async-run",
          "run-capped", "info", "stream", "stream", "detach", "detach", "files", "files", "session");

  @EngineTest
  void mixedOperations_50threadsOver5Sandboxes_allCorrectNoDeadlock(TestEngine engine) {
    List<Container> boxes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int i = 0; i < SANDBOXES; i++) {
        boxes.add(engine.dock().create(engine.spec().image(TestImages.BUSYBOX).user("1000").build()));
      }
      AtomicInteger done = new AtomicInteger();
      try {
        assertTimeoutPreemptively(
            BOUND,
            () -> {
              List<Future<?>> futures = new ArrayList<>();
              for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(
                    pool.submit(
                        () -> {
                          Random random = new Random(thread);
                          for (int i = 0; i < OPS_PER_THREAD; i++) {
                            String op = MIX.get(random.nextInt(MIX.size()));
                            Container box = boxes.get(random.nextInt(SANDBOXES));
                            String token = "t" + thread + "x" + i;
                            try {
                              OPS.get(op).apply(box, token);
                            } catch (Exception | AssertionError e) {
                              throw new AssertionError(op + " on " + box.name() + " (" + token + ")", e);
                            }
                            done.incrementAndGet();
                          }
                          return null;
                        }));
              }
              for (Future<?> f : futures) {
                f.get();
              }
            });
      } catch (AssertionFailedError timeout) {
        System.err.println("StressIT: " + done.get() + " operations done; thread dump:");
        Thread.getAllStackTraces()
            .forEach(
                (th, stack) -> {
                  System.err.println("\"" + th.getName() + "\" " + th.getState());
                  for (StackTraceElement e : stack) {
                    System.err.println("    at " + e);
                  }
                });
        throw timeout;
      }
      assertThat(done.get()).isEqualTo(THREADS * OPS_PER_THREAD);
    } finally {
      pool.shutdownNow();
      boxes.forEach(Container::close);
    }
  }
}
