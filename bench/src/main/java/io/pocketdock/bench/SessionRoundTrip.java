package io.pocketdock.bench;

import io.pocketdock.Container;
import io.pocketdock.ExecResult;
import io.pocketdock.Session;
import java.util.List;

/**
 * W7: {@code sendAndWait("true")} on an open session. Floor: one line through an attached {@code
 * cat} on the same sandbox (the raw round trip a session's command cannot beat). A second row
 * compares with a blocking {@code run("true")} through the exec API, which is what a session saves.
 */
final class SessionRoundTrip implements Workload {
  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    try (Container box = env.execApi().create(env.spec());
        Session session = box.session();
        RawEngine.Echo echo = env.raw().echo(box.id())) {
      Interleaved.Result raw =
          Interleaved.measure(
              5,
              env.iterations(20, 200),
              () -> Trial.time(() -> check(session.sendAndWait("true"))),
              () -> Trial.time(echo::roundTrip));
      Interleaved.Result api =
          Interleaved.measure(
              5,
              env.iterations(20, 200),
              () -> Trial.time(() -> check(session.sendAndWait("true"))),
              () -> Trial.time(() -> check(box.run("true"))));
      return List.of(
          Row.measured(
              "W7 session sendAndWait(\"true\")",
              raw.ours(),
              raw.floor(),
              "≤ 1 ms",
              "floor: one line through an attached `cat` (raw round trip)"),
          Row.measured(
              "W7 session, against the exec API",
              api.ours(),
              api.floor(),
              "—",
              "floor: a blocking run(\"true\") through the exec API (what a session saves)"));
    }
  }

  private static void check(ExecResult r) {
    if (r.exitCode() != 0) {
      throw new IllegalStateException("exit code " + r.exitCode());
    }
  }
}
