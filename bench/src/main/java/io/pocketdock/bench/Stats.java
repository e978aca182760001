package io.pocketdock.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Median and spread of one series of samples, in milliseconds.
 *
 * @param median the 50th percentile
 * @param p10 the 10th percentile
 * @param p90 the 90th percentile
 * @param count how many samples
 */
record Stats(double median, double p10, double p90, int count) {

  /** Percentiles by the nearest-rank method over {@code nanos}. */
  static Stats ofNanos(List<Long> nanos) {
    if (nanos.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Stats(rank(sorted, 0.5), rank(sorted, 0.1), rank(sorted, 0.9), sorted.length);
  }

  private static double rank(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
