package io.pocketdock.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** The heading of a results file: when, on what machine, which JVM, which mode. */
final class Machine {
  private Machine() {}

  static String describe(boolean quick, Instant when) {
    return "Run "
        + when
        + (quick ? " (`--quick`)" : " (full)")
        + " on "
        + cpu()
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " cores, "
        + memory()
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + ", Java "
        + System.getProperty("java.runtime.version")
        + ".\n";
  }

  private static String cpu() {
    return line(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU");
  }

  private static String memory() {
    return line(Path.of("/proc/meminfo"), "MemTotal")
        .map(v -> String.format(Locale.ROOT, "%.0f GB RAM", Long.parseLong(v.replaceAll("[^0-9]", "")) / 1e6))
        .orElse("unknown RAM");
  }

  private static java.util.Optional<String> line(Path file, String key) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
