package io.pocketdock.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures our implementation and the floor in the same run, alternating which goes first each
 * round, so drift on a noisy machine (other builds, the engine's own housekeeping) hits both sides
 * alike.
 */
final class Interleaved {
  private Interleaved() {}

  /** Two series: ours and the floor's. */
  record Result(Stats ours, Stats floor) {}

  static Result measure(int warmup, int iterations, Trial ours, Trial floor) throws Exception {
    for (int i = 0; i < warmup; i++) {
      ours.runNanos();
      floor.runNanos();
    }
    List<Long> a = new ArrayList<>();
    List<Long> b = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      if (i % 2 == 0) {
        a.add(ours.runNanos());
        b.add(floor.runNanos());
      } else {
        b.add(floor.runNanos());
        a.add(ours.runNanos());
      }
    }
    return new Result(Stats.ofNanos(a), Stats.ofNanos(b));
  }

  /** One series, for workloads without a floor. */
  static Stats measure(int warmup, int iterations, Trial ours) throws Exception {
    for (int i = 0; i < warmup; i++) {
      ours.runNanos();
    }
    List<Long> a = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      a.add(ours.runNanos());
    }
    return Stats.ofNanos(a);
  }
}
