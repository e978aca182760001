package io.pocketdock.bench;

import io.pocketdock.Container;
import java.util.List;

/** W2: {@code run("true")} on a warm sandbox. Floor: exec create + start + inspect. */
final class RunTrue implements Workload {
  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    try (Container box = env.dock().create(env.spec())) {
      String id = box.id();
      Interleaved.Result r =
          Interleaved.measure(
              3,
              env.iterations(20, 100),
              () -> Trial.time(() -> check(box.run("true").exitCode())),
              () -> Trial.time(() -> check(env.raw().exec(id, "true"))));
      return List.of(
          Row.measured("W2 run(\"true\"), exec API", r.ours(), r.floor(), "within 10% of floor", ""));
    }
  }

  static void check(int exitCode) {
    if (exitCode != 0) {
      throw new IllegalStateException("exit code " + exitCode);
    }
  }
}
