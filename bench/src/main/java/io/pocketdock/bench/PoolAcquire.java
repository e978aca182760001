package io.pocketdock.bench;

import io.pocketdock.Container;
import io.pocketdock.ContainerPool;
import java.util.List;

/**
 * W1p: {@code acquire()} from a warm pool. Floor: what acquiring replaces, POST create + POST start.
 * Between iterations the sandbox is released and the pool allowed to refill (not timed), so each
 * acquire meets a warm pool.
 */
final class PoolAcquire implements Workload {
  private static final int SIZE = 2;

  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    try (ContainerPool pool = env.dock().pool(SIZE, env.spec())) {
      Interleaved.Result r =
          Interleaved.measure(
              1,
              env.iterations(10, 30),
              () -> {
                awaitWarm(pool);
                Container[] box = new Container[1];
                long t = Trial.time(() -> box[0] = pool.acquire());
                pool.release(box[0]);
                return t;
              },
              () -> {
                String[] id = new String[1];
                long t = Trial.time(() -> id[0] = env.raw().createStarted());
                env.raw().remove(id[0]);
                return t;
              });
      return List.of(
          Row.measured(
              "W1p acquire from a warm pool", r.ours(), r.floor(), "≤ 2 ms", "floor: raw create + start"));
    }
  }

  private static void awaitWarm(ContainerPool pool) throws InterruptedException {
    long end = System.nanoTime() + 60_000_000_000L;
    while (pool.ready() < pool.size()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("the pool did not refill within 60 s");
      }
      Thread.sleep(5);
    }
  }
}
