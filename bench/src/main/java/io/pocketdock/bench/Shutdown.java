package io.pocketdock.bench;

import io.pocketdock.Container;
import java.util.List;

/** W6: shutdown of an ephemeral sandbox. Floor: DELETE with force. Creation is not timed. */
final class Shutdown implements Workload {
  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    Interleaved.Result r =
        Interleaved.measure(
            1,
            env.iterations(3, 15),
            () -> {
              Container box = env.dock().create(env.spec());
              return Trial.time(box::shutdown);
            },
            () -> {
              String id = env.raw().createStarted();
              return Trial.time(() -> env.raw().remove(id));
            });
    return List.of(Row.measured("W6 shutdown (ephemeral)", r.ours(), r.floor(), "≤ 300 ms", ""));
  }
}
