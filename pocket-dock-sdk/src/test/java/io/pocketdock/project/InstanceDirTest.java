package io.pocketdock.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceDirTest {
  @TempDir Path dir;

  private static final HistoryEntry RUN =
      new HistoryEntry(Instant.parse("2025-01-02T03:04:05.678Z"), "echo \"hi\"\nls", 3, 12, false, true);

  @Test
  void record_writeThenRead_roundTrips() throws IOException {
    InstanceDir d = Project.init(dir, "demo").instance("box");
    InstanceRecord r =
        new InstanceRecord(
            "abc", "box", "localhost/pocket-dock/minimal:latest", "demo", Instant.parse("2025-01-01T00:00:00Z"),
            true, 268435456L, 50, 512, List.of("127.0.0.1:8080:80/tcp"), List.of("/tmp/x:/data:ro"));
    d.write(r);
    assertThat(d.record()).hasValue(r);
    assertThat(Files.readString(d.recordFile())).contains("id = \"abc\"", "ports = [\"127.0.0.1:8080:80/tcp\"]");
    try (var s = Files.list(d.path())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("instance.toml");
    }
  }

  @Test
  void history_appendedEntries_readBackInOrder() throws IOException {
    InstanceDir d = Project.init(dir, "demo").instance("box");
    d.appendHistory(RUN);
    d.appendHistory(new HistoryEntry(Instant.EPOCH, "true", 0, 1, false, false));
    assertThat(d.history()).hasSize(2).first().isEqualTo(RUN);
    assertThat(Files.readAllLines(d.historyFile()).get(0))
        .isEqualTo(
            "{\"time\":\"2025-01-02T03:04:05.678Z\",\"command\":\"echo \\\"hi\\\"\\nls\",\"exit_code\":3,"
                + "\"duration_ms\":12,\"timed_out\":false,\"truncated\":true}");
  }

  @Test
  void logRun_writesCommandAndOutput() throws IOException {
    InstanceDir d = Project.init(dir, "demo").instance("box");
    d.logRun(RUN, "out\n", "err");
    assertThat(Files.readString(d.logsDir().resolve("run.log")))
        .contains("exit=3", "truncated", "$ echo \"hi\"", "--- stdout\nout\n", "--- stderr\nerr\n");
  }

  @Test
  void autoLogOff_historyAndLogsNotWritten() throws IOException {
    Project.init(dir, "demo");
    Path file = dir.resolve(".pocket-dock/pocket-dock.yaml");
    Files.writeString(file, Files.readString(file).replace("auto_log: true", "auto_log: false"));
    InstanceDir d = Project.load(dir).instance("box");
    d.appendHistory(RUN);
    d.logRun(RUN, "x", "");
    d.log("session-1").append(new byte[] {1});
    assertThat(d.historyFile()).doesNotExist();
    assertThat(d.logsDir()).doesNotExist();
  }

  @Test
  void instances_listsDirsAndDeleteRemovesThem() throws IOException {
    Project p = Project.init(dir, "demo");
    p.instance("a").appendHistory(RUN);
    p.instance("b").logRun(RUN, "", "");
    assertThat(p.instances()).extracting(InstanceDir::name).containsExactly("a", "b");
    p.instance("b").delete();
    p.instance("missing").delete();
    assertThat(p.instances()).extracting(InstanceDir::name).containsExactly("a");
  }

  @Test
  void record_handEditedBadly_configExceptionWithLine() throws IOException {
    InstanceDir d = Project.init(dir, "demo").instance("box");
    Files.createDirectories(d.path());
    Files.writeString(d.recordFile(), "id = \"x\"\nname = oops\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(d::record)
        .isInstanceOfSatisfying(
            io.pocketdock.ConfigException.class, e -> assertThat(e.line()).hasValue(2));
    Files.writeString(d.historyFile(), "{\"time\":\"2025-01-01T00:00:00Z\"}\nnot json\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(d::history)
        .isInstanceOfSatisfying(
            io.pocketdock.ConfigException.class, e -> assertThat(e.line()).hasValue(2));
  }
}
