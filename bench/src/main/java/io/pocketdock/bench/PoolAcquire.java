package io.pocketdock.bench;

import io.pocketdock.Container;
import io.pocketdock.ContainerPool;
import java.util.ArrayList;
import java.util.List;

/**
 * W1p: {@code acquire()} from a warm pool. Floor: what acquiring replaces, POST create + POST start.
 * The pool holds as many sandboxes as there are iterations and is warm before the first, so every
 * acquire meets a warm pool; the sandboxes are released afterwards (not timed).
 */
final class PoolAcquire implements Workload {
  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    int iterations = env.iterations(3, 12);
    List<Container> taken = new ArrayList<>();
    try (ContainerPool pool = env.dock().pool(iterations, env.spec())) {
      awaitWarm(pool);
      Interleaved.Result r =
          Interleaved.measure(
              0,
              iterations,
              () -> {
                Container[] box = new Container[1];
                long t = Trial.time(() -> box[0] = pool.acquire());
                taken.add(box[0]);
                return t;
              },
              () -> {
                String[] id = new String[1];
                long t = Trial.time(() -> id[0] = env.raw().createStarted());
                env.raw().remove(id[0]);
                return t;
              });
      for (Container c : taken) {
        pool.release(c);
      }
      return List.of(
          Row.measured(
              "W1p acquire from a warm pool", r.ours(), r.floor(), "≤ 2 ms", "floor: raw create + start"));
    }
  }

  private static void awaitWarm(ContainerPool pool) throws InterruptedException {
    long end = System.nanoTime() + 120_000_000_000L;
    while (pool.ready() < pool.size()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("the pool did not warm up within 120 s");
      }
      Thread.sleep(5);
    }
  }
}
