package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Container;
import io.pocketdock.ContainerGoneException;
import io.pocketdock.ContainerPool;
import io.pocketdock.ContainerSpec;
import io.pocketdock.EmptyPolicy;
import io.pocketdock.ImageNotFoundException;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.PoolExhaustedException;
import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** The warm pool: hands out running sandboxes, never reuses one, refills within its size. */
class PoolIT {
  private static final String POOL_LABEL = "io.pocketdock.test-pool";

  @EngineTest
  void acquire_warmPool_handsOutRunningSandboxAndRefills(TestEngine engine) {
    try (ContainerPool pool = engine.dock().pool(2, engine.spec().build())) {
      await(() -> pool.ready() == 2, "pool warm");
      Container box = pool.acquire();
      assertThat(box.run("echo hi").stdout()).isEqualTo("hi\n");
      await(() -> pool.ready() == 2, "pool refilled");
      pool.release(box);
      assertThatThrownBy(() -> box.run("true")).isInstanceOf(ContainerGoneException.class);
    }
  }

  @EngineTest
  void release_thenAcquire_neverHandsOutTheSameSandbox(TestEngine engine) {
    try (ContainerPool pool = engine.dock().pool(1, engine.spec().build())) {
      Container first = pool.acquire();
      first.run("echo secret > /tmp/left-behind");
      String firstId = first.id();
      pool.release(first);
      await(() -> pool.ready() == 1, "pool refilled");
      Container second = pool.acquire();
      assertThat(second.id()).isNotEqualTo(firstId);
      assertThat(second.run("cat /tmp/left-behind").exitCode()).isNotZero();
      pool.release(second);
    }
  }

  @EngineTest
  void acquire_emptyFailFast_throwsPoolExhaustedAndCreatesNothing(TestEngine engine)
      throws IOException {
    String tag = UUID.randomUUID().toString();
    try (ContainerPool pool =
        ContainerPool.builder(engine.dock())
            .size(1)
            .spec(tagged(engine, tag))
            .whenEmpty(EmptyPolicy.failFast())
            .build()) {
      // Creation takes far longer than this call: the pool is still empty.
      assertThatThrownBy(pool::acquire)
          .isInstanceOf(PoolExhaustedException.class)
          .hasMessageContaining("no warm sandbox");
      await(() -> pool.ready() == 1, "pool warm");
      assertThat(count(engine, tag)).isEqualTo(1);
      Container box = pool.acquire();
      assertThat(box.run("true").ok()).isTrue();
      pool.release(box);
    }
    assertThat(count(engine, tag)).isZero();
  }

  @EngineTest
  void acquire_emptyWait_returnsOnceWarm(TestEngine engine) {
    try (ContainerPool pool =
        ContainerPool.builder(engine.dock())
            .size(1)
            .spec(engine.spec().build())
            .whenEmpty(EmptyPolicy.waitUpTo(Duration.ofSeconds(60)))
            .build()) {
      Container box = pool.acquire();
      assertThat(box.run("echo ok").stdout()).isEqualTo("ok\n");
      pool.release(box);
    }
  }

  @EngineTest
  void acquire_missingImage_reportsCreationFailureAndLeavesNothing(TestEngine engine)
      throws IOException {
    String tag = UUID.randomUUID().toString();
    ContainerSpec spec =
        tagged(engine, tag).toBuilder().image("localhost/pocket-dock-test/no-such-image:1").build();
    try (ContainerPool pool =
        ContainerPool.builder(engine.dock())
            .size(2)
            .spec(spec)
            .whenEmpty(EmptyPolicy.waitUpTo(Duration.ofSeconds(3)))
            .build()) {
      assertThatThrownBy(pool::acquire)
          .isInstanceOf(PoolExhaustedException.class)
          .hasMessageContaining("last creation failed")
          .hasCauseInstanceOf(ImageNotFoundException.class);
    }
    assertThat(count(engine, tag)).isZero();
  }

  @EngineTest
  void acquire_underLoad_neverExceedsSizePlusHandedOut(TestEngine engine) throws Exception {
    String tag = UUID.randomUUID().toString();
    int size = 2;
    int users = 4;
    AtomicInteger most = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(users + 1);
    try (ContainerPool pool =
        ContainerPool.builder(engine.dock())
            .size(size)
            .spec(tagged(engine, tag))
            .whenEmpty(EmptyPolicy.waitUpTo(Duration.ofSeconds(60)))
            .build()) {
      List<Future<?>> work = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        work.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 3; i++) {
                    Container box = pool.acquire();
                    assertThat(box.run("echo " + i).stdout()).isEqualTo(i + "\n");
                    pool.release(box);
                  }
                  return null;
                }));
      }
      Future<?> watcher =
          threads.submit(
              () -> {
                while (!work.stream().allMatch(Future::isDone)) {
                  most.accumulateAndGet(count(engine, tag), Math::max);
                  Thread.sleep(20);
                }
                return null;
              });
      for (Future<?> f : work) {
        f.get();
      }
      watcher.get();
      await(() -> pool.ready() == size, "pool refilled");
      assertThat(count(engine, tag)).isEqualTo(size);
    } finally {
      threads.shutdownNow();
    }
    // Ready or being created never exceeds the size; each user holds at most one on top.
    assertThat(most.get()).isLessThanOrEqualTo(size + users);
    assertThat(count(engine, tag)).isZero();
  }

  @EngineTest
  void checkHealth_readySandboxKilledOutside_isReplaced(TestEngine engine) throws IOException {
    String tag = UUID.randomUUID().toString();
    try (ContainerPool pool = engine.dock().pool(1, tagged(engine, tag));
        EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      await(() -> pool.ready() == 1, "pool warm");
      String victim = ids(engine, tag).get(0);
      raw.removeContainer(victim, true);
      await(
          () -> {
            List<String> now = ids(engine, tag);
            return now.size() == 1 && !now.contains(victim) && pool.ready() == 1;
          },
          "replacement");
      Container box = pool.acquire();
      assertThat(box.id()).isNotEqualTo(victim);
      assertThat(box.run("true").ok()).isTrue();
      pool.release(box);
    }
  }

  @EngineTest
  void close_removesReadyAndHandedOutAndIsIdempotent(TestEngine engine) throws IOException {
    String tag = UUID.randomUUID().toString();
    ContainerPool pool = engine.dock().pool(2, tagged(engine, tag));
    Container box = pool.acquire();
    pool.close();
    pool.close();
    assertThat(count(engine, tag)).isZero();
    assertThatThrownBy(() -> box.run("true")).isInstanceOf(ContainerGoneException.class);
    assertThatThrownBy(pool::acquire).isInstanceOf(InvalidArgumentException.class);
  }

  @EngineTest
  void build_badInput_isRefusedBeforeAnyCreation(TestEngine engine) throws IOException {
    String tag = UUID.randomUUID().toString();
    ContainerSpec spec = tagged(engine, tag);
    assertThatThrownBy(() -> engine.dock().pool(0, spec))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("size");
    assertThatThrownBy(() -> engine.dock().pool(1, spec.toBuilder().name("fixed").build()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> engine.dock().pool(1, spec.toBuilder().persist(true).build()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("persistent");
    assertThatThrownBy(() -> EmptyPolicy.waitUpTo(Duration.ZERO))
        .isInstanceOf(InvalidArgumentException.class);
    try (ContainerPool pool = engine.dock().pool(1, spec);
        Container stranger = engine.dock().create(engine.spec().build())) {
      assertThatThrownBy(() -> pool.release(stranger))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("not handed out by this pool");
      assertThat(stranger.run("true").ok()).isTrue();
    }
    assertThat(count(engine, tag)).isZero();
  }

  private static ContainerSpec tagged(TestEngine engine, String tag) {
    return engine.spec().labels(Map.of(TestEngine.RUN_LABEL, TestEngine.RUN_ID, POOL_LABEL, tag)).build();
  }

  private static int count(TestEngine engine, String tag) throws IOException {
    return ids(engine, tag).size();
  }

  private static List<String> ids(TestEngine engine, String tag) throws IOException {
    try (EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      List<String> out = new ArrayList<>();
      for (JsonObject c : raw.listContainers(List.of(POOL_LABEL + "=" + tag))) {
        out.add(c.string("Id", ""));
      }
      return out;
    }
  }

  /** A condition that may read the engine. */
  private interface Check {
    boolean get() throws IOException;
  }

  private static void await(Check condition, String what) {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    try {
      while (!condition.get()) {
        if (System.nanoTime() > end) {
          throw new AssertionError("timed out waiting for " + what);
        }
        Thread.sleep(50);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
