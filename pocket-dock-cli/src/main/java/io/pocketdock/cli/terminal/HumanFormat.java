package io.pocketdock.cli.terminal;

import java.time.Duration;
import java.util.Locale;

/** Sizes, durations and percentages the way people read them in tables. */
public final class HumanFormat {
  private HumanFormat() {}

  /** {@code 512 B}, {@code 12.3 KiB}, {@code 256.0 MiB}, {@code 1.5 GiB}. */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String units = "KMGTPE";
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length() - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %siB", value, units.charAt(unit));
  }

  /** {@code 42s}, {@code 3m 5s}, {@code 2h 0m}, {@code 3d 4h}. */
  public static String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m " + s % 60 + "s";
    }
    if (s < 86400) {
      return s / 3600 + "h " + s % 3600 / 60 + "m";
    }
    return s / 86400 + "d " + s % 86400 / 3600 + "h";
  }

  /** One decimal: {@code 4.8%}. */
  public static String percent(double p) {
    return String.format(Locale.ROOT, "%.1f%%", p);
  }
}
