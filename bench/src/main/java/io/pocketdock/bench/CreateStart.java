package io.pocketdock.bench;

import io.pocketdock.Container;
import java.util.List;

/** W1: create and start a sandbox. Floor: POST create + POST start. Removal is not timed. */
final class CreateStart implements Workload {
  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    Interleaved.Result r =
        Interleaved.measure(
            1,
            env.iterations(3, 15),
            () -> {
              Container[] box = new Container[1];
              long t = Trial.time(() -> box[0] = env.dock().create(env.spec()));
              box[0].close();
              return t;
            },
            () -> {
              String[] id = new String[1];
              long t = Trial.time(() -> id[0] = env.raw().createStarted());
              env.raw().remove(id[0]);
              return t;
            });
    return List.of(Row.measured("W1 create+start", r.ours(), r.floor(), "within 10% of floor", ""));
  }
}
