package io.pocketdock.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogTest {
  @TempDir Path dir;

  private static byte[] entry(int n, int size) {
    String head = "entry " + n + " ";
    return (head + "x".repeat(size - head.length() - 1) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private List<Path> logs() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".log")).sorted().toList();
    }
  }

  @Test
  void append_pastMaxSize_rotatesAndKeepsEveryFileUnderLimit() throws IOException {
    RotatingLog log = new RotatingLog(dir, "run", 1000, 100, Duration.ofDays(30), Clock.systemUTC());
    for (int i = 0; i < 10; i++) {
      log.append(entry(i, 300));
    }
    // 3 entries of 300 bytes fit in 1000: 10 entries make 4 files.
    assertThat(logs()).hasSize(4);
    for (Path p : logs()) {
      assertThat(Files.size(p)).isLessThanOrEqualTo(1000);
    }
    assertThat(Files.readString(log.current())).startsWith("entry 9 ");
  }

  @Test
  void append_beyondMaxFiles_deletesOldestFirst() throws IOException {
    RotatingLog log = new RotatingLog(dir, "run", 1000, 3, Duration.ofDays(30), Clock.systemUTC());
    for (int i = 0; i < 20; i++) {
      log.append(entry(i, 600));
      // Distinct mtimes, so "oldest" is well defined on coarse file-system clocks.
      for (Path p : logs()) {
        if (!p.equals(log.current())) {
          continue;
        }
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().plusSeconds(i)));
      }
    }
    assertThat(logs()).hasSize(3);
    String all = String.join("", logs().stream().map(RotatingLogTest::read).toList());
    assertThat(all).contains("entry 19 ", "entry 18 ", "entry 17 ").doesNotContain("entry 16 ");
  }

  @Test
  void append_filesOlderThanRetention_deleted() throws IOException {
    Instant now = Instant.parse("2025-06-01T00:00:00Z");
    RotatingLog log =
        new RotatingLog(dir, "run", 1000, 100, Duration.ofDays(2), Clock.fixed(now, ZoneOffset.UTC));
    Path old = dir.resolve("run-20250101T000000.000Z.log");
    Path recent = dir.resolve("session-1.log");
    Files.writeString(old, "old");
    Files.writeString(recent, "recent");
    Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(3))));
    Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofDays(1))));
    log.append(entry(0, 100));
    assertThat(logs()).containsExactlyInAnyOrder(log.current(), recent);
  }

  @Test
  void append_entryLargerThanMax_cutWithNote() throws IOException {
    RotatingLog log = new RotatingLog(dir, "run", 500, 10, Duration.ofDays(30), Clock.systemUTC());
    log.append(entry(0, 5000));
    assertThat(Files.size(log.current())).isEqualTo(500);
    assertThat(read(log.current())).contains("cut: entry larger than max_log_size");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
