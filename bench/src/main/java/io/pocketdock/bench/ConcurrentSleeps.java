package io.pocketdock.bench;

import io.pocketdock.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** W5: ten concurrent {@code sleep 1} runs on one sandbox, wall time. Floor: ten raw execs. */
final class ConcurrentSleeps implements Workload {
  private static final int RUNS = 10;

  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    try (Container box = env.dock().create(env.spec());
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      String id = box.id();
      Interleaved.Result r =
          Interleaved.measure(
              0,
              env.iterations(1, 5),
              () ->
                  Trial.time(
                      () -> {
                        List<CompletableFuture<io.pocketdock.ExecResult>> runs = new ArrayList<>();
                        for (int i = 0; i < RUNS; i++) {
                          runs.add(box.async().run("sleep 1"));
                        }
                        for (CompletableFuture<io.pocketdock.ExecResult> f : runs) {
                          RunTrue.check(f.join().exitCode());
                        }
                      }),
              () ->
                  Trial.time(
                      () -> {
                        List<Future<Integer>> runs = new ArrayList<>();
                        for (int i = 0; i < RUNS; i++) {
                          runs.add(threads.submit(() -> env.raw().exec(id, "sleep 1")));
                        }
                        for (Future<Integer> f : runs) {
                          RunTrue.check(f.get());
                        }
                      }));
      return List.of(
          Row.measured("W5 10 × sleep 1 concurrently (wall)", r.ours(), r.floor(), "≤ 1300 ms", ""));
    }
  }
}
