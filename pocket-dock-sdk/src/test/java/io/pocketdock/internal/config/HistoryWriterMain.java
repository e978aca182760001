package io.pocketdock.internal.config;

import java.nio.file.Path;

/** A child JVM for {@link JsonLinesTest}: appends numbered lines longer than PIPE_BUF. */
public final class HistoryWriterMain {
  private HistoryWriterMain() {}

  /** The {@code i}th line of writer {@code who}: 6 KB, so no write-size atomicity can help. */
  static String line(String who, int i) {
    return "{\"who\":\"" + who + "\",\"i\":" + i + ",\"pad\":\"" + "x".repeat(6000) + "\"}";
  }

  /** {@code file who count}. */
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int count = Integer.parseInt(args[2]);
    for (int i = 0; i < count; i++) {
      JsonLines.append(file, line(args[1], i));
    }
  }
}
