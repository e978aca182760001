package io.pocketdock.bench;

import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import java.util.List;

/**
 * W3: a blocking run that writes 50 MB to stdout, kept in full (maxOutput raised). Floor: the same
 * exec with the output read and discarded.
 */
final class BigStdout implements Workload {
  static final int BYTES = 50 * 1024 * 1024;
  private static final String COMMAND = "head -c " + BYTES + " /dev/zero";

  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    List<Row> rows = new java.util.ArrayList<>();
    rows.add(row(env, env.dock(), "W3 run, 50 MB stdout (fast path)"));
    if (!env.quick()) {
      rows.add(row(env, env.execApi(), "W3 run, 50 MB stdout (exec API path)"));
    }
    return rows;
  }

  private static Row row(BenchEnv env, io.pocketdock.PocketDock dock, String label) throws Exception {
    ExecOptions options = ExecOptions.defaults().withMaxOutput(BYTES + 1024);
    try (Container box = dock.create(env.spec())) {
      String id = box.id();
      Interleaved.Result r =
          Interleaved.measure(
              env.iterations(0, 1),
              env.iterations(2, 8),
              () ->
                  Trial.time(
                      () -> {
                        ExecResult result = box.run(COMMAND, options);
                        if (result.stdout().length() != BYTES) {
                          throw new IllegalStateException("got " + result.stdout().length() + " bytes");
                        }
                      }),
              () -> Trial.time(() -> RunTrue.check(env.raw().exec(id, COMMAND))));
      double mbPerS = BYTES / 1e6 / (r.ours().median() / 1000);
      return Row.measured(
              label,
              r.ours(),
              r.floor(),
              "≤ 200 ms",
              String.format(java.util.Locale.ROOT, "%.0f MB/s", mbPerS));
    }
  }
}
