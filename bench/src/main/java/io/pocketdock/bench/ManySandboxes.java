package io.pocketdock.bench;

import io.pocketdock.Container;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * W9: 100 sandboxes (10 in a quick run) created concurrently, each running one command; wall time until all have run,
 * errors, and the heap the SDK used over a collected baseline: what it holds with every sandbox
 * still open (after a collection), and the peak in use including garbage (sampled every 5 ms). Floor: the
 * same with raw create + start + exec. Removal is not timed.
 */
final class ManySandboxes implements Workload {
  /** Sandboxes per round; a quick run creates fewer so that it stays under two minutes. */
  private static final int FULL = 100;

  private static final int QUICK = 10;

  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    List<Long> ours = new ArrayList<>();
    List<Long> floor = new ArrayList<>();
    AtomicInteger errors = new AtomicInteger();
    long peakHeap = 0;
    long liveHeap = 0;
    String firstError = "";
    int rounds = env.iterations(1, 3);
    int count = env.iterations(QUICK, FULL);
    for (int round = 0; round < rounds; round++) {
      HeapPeak heap = HeapPeak.start();
      ConcurrentLinkedQueue<Container> boxes = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      ours.add(
          Trial.time(
              () ->
                  all(
                      () -> {
                        Container box = env.dock().create(env.spec());
                        boxes.add(box);
                        RunTrue.check(box.run("true").exitCode());
                      },
                      failures,
                      count)));
      peakHeap = Math.max(peakHeap, heap.stop());
      // What the SDK holds with every sandbox still open and warm: heap in use after a collection.
      liveHeap = Math.max(liveHeap, heap.liveNow());
      errors.addAndGet(failures.size());
      if (!failures.isEmpty() && firstError.isEmpty()) {
        firstError = failures.peek();
      }
      all(() -> boxes.poll().close(), new ConcurrentLinkedQueue<>(), boxes.size());
      ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
      floor.add(
          Trial.time(
              () ->
                  all(
                      () -> {
                        String id = env.raw().createStarted();
                        ids.add(id);
                        RunTrue.check(env.raw().exec(id, "true"));
                      },
                      new ConcurrentLinkedQueue<>(),
                      count)));
      all(() -> env.raw().remove(ids.poll()), new ConcurrentLinkedQueue<>(), ids.size());
    }
    String note =
        String.format(
            Locale.ROOT,
            "%d sandboxes; errors %d%s; SDK heap held with all open +%.1f MB (after GC),"
                + " peak used incl. garbage +%.1f MB",
            count,
            errors.get(),
            firstError.isEmpty() ? "" : " (" + firstError + ")",
            liveHeap / 1e6,
            peakHeap / 1e6);
    return List.of(
        Row.measured(
            "W9 " + count + " sandboxes × 1 run, concurrent (wall)",
            Stats.ofNanos(ours),
            Stats.ofNanos(floor),
            "0 errors, heap < 64 MB",
            note));
  }

  private static void all(Trial.Body task, ConcurrentLinkedQueue<String> failures, int n)
      throws Exception {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            threads.submit(
                () -> {
                  try {
                    task.run();
                  } catch (Exception | Error e) {
                    failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    }
  }

  /** Samples heap use on a daemon thread; the peak is reported over the collected baseline. */
  private static final class HeapPeak {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final long baseline;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapPeak() {
      System.gc();
      baseline = memory.getHeapMemoryUsage().getUsed();
      sampler =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (running) {
                      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                      try {
                        Thread.sleep(5);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
    }

    static HeapPeak start() {
      return new HeapPeak();
    }

    long stop() throws InterruptedException {
      running = false;
      sampler.join();
      return Math.max(0, peak.get() - baseline);
    }

    /** Heap in use after a full collection, over the baseline: what is really held. */
    long liveNow() {
      System.gc();
      return Math.max(0, memory.getHeapMemoryUsage().getUsed() - baseline);
    }
  }
}
