package io.pocketdock.bench;

import io.pocketdock.Container;
import io.pocketdock.PocketDock;
import java.util.List;

/**
 * W2: {@code run("true")} on a warm sandbox, through the engine's exec API (fast path off) and
 * through the fast path. Floor: exec create + start + inspect, the least one exec can cost.
 */
final class RunTrue implements Workload {
  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    return List.of(
        row(env, env.execApi(), env.iterations(8, 60), "W2 run(\"true\"), exec API path", "within 10% of floor"),
        row(env, env.dock(), env.iterations(10, 100), "W2 run(\"true\"), fast path", "≤ 5 ms"));
  }

  private static Row row(BenchEnv env, PocketDock dock, int iterations, String label, String goal)
      throws Exception {
    try (Container box = dock.create(env.spec())) {
      String id = box.id();
      Interleaved.Result r =
          Interleaved.measure(
              3,
              iterations,
              () -> Trial.time(() -> check(box.run("true").exitCode())),
              () -> Trial.time(() -> check(env.raw().exec(id, "true"))));
      return Row.measured(label, r.ours(), r.floor(), goal, "");
    }
  }

  static void check(int exitCode) {
    if (exitCode != 0) {
      throw new IllegalStateException("exit code " + exitCode);
    }
  }
}
