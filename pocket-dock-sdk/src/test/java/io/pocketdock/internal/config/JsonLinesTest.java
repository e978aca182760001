package io.pocketdock.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {
  @TempDir Path dir;

  @Test
  void read_unfinishedLastLine_skipped() throws IOException {
    Path f = dir.resolve("h.jsonl");
    JsonLines.append(f, "{\"a\":1}");
    Files.writeString(f, "{\"b\":", java.nio.file.StandardOpenOption.APPEND);
    assertThat(JsonLines.read(f)).containsExactly("{\"a\":1}");
    assertThat(JsonLines.read(dir.resolve("missing"))).isEmpty();
  }

  @Test
  void append_threadsConcurrently_loseNoLine() throws Exception {
    Path f = dir.resolve("h.jsonl");
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      Thread thread =
          new Thread(
                  () -> {
                    for (int i = 0; i < 200; i++) {
                      try {
                        JsonLines.append(f, HistoryWriterMain.line("t" + id, i));
                      } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                    }
                  });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertComplete(f, List.of("t0", "t1", "t2", "t3"), 200);
  }

  @Test
  void append_twoJvmsConcurrently_loseNoLine() throws Exception {
    Path f = dir.resolve("h.jsonl");
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    String cp =
        Path.of("target/classes").toAbsolutePath() + java.io.File.pathSeparator + Path.of("target/test-classes").toAbsolutePath();
    List<Process> children = new ArrayList<>();
    for (String who : List.of("a", "b")) {
      children.add(
          new ProcessBuilder(javaBin, "-cp", cp, HistoryWriterMain.class.getName(), f.toString(), who, "300")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve(who + ".out").toFile())
              .start());
    }
    for (Process p : children) {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("a.out"))).isZero();
    }
    assertComplete(f, List.of("a", "b"), 300);
  }

  private static void assertComplete(Path f, List<String> writers, int each) throws IOException {
    List<String> lines = JsonLines.read(f);
    assertThat(lines).hasSize(writers.size() * each);
    Set<String> seen = new HashSet<>(lines);
    for (String w : writers) {
      for (int i = 0; i < each; i++) {
        assertThat(seen).contains(HistoryWriterMain.line(w, i));
      }
    }
  }
}
