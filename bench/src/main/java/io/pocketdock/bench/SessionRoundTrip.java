package io.pocketdock.bench;

import io.pocketdock.Container;
import io.pocketdock.ExecResult;
import io.pocketdock.Session;
import java.util.List;

/**
 * W7: {@code sendAndWait("true")} on an open session. Floor: a blocking {@code run("true")} on the
 * same sandbox through the exec API, which is what a session saves.
 */
final class SessionRoundTrip implements Workload {
  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    try (Container box = env.execApi().create(env.spec());
        Session session = box.session()) {
      Interleaved.Result r =
          Interleaved.measure(
              5,
              env.iterations(20, 200),
              () -> Trial.time(() -> check(session.sendAndWait("true"))),
              () -> Trial.time(() -> check(box.run("true"))));
      return List.of(
          Row.measured(
              "W7 session sendAndWait(\"true\")", r.ours(), r.floor(), "≤ 1 ms", "floor: exec API run"));
    }
  }

  private static void check(ExecResult r) {
    if (r.exitCode() != 0) {
      throw new IllegalStateException("exit code " + r.exitCode());
    }
  }
}
