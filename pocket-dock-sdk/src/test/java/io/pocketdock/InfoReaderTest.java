package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.internal.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfoReaderTest {

  @Test
  void processes_dockerCells_readsColumnsByTitle() {
    var top =
        Json.parseObject(
            "{\"Titles\":[\"UID\",\"PID\",\"PPID\",\"C\",\"STIME\",\"TTY\",\"TIME\",\"CMD\"],"
                + "\"Processes\":[[\"1000\",\"4700\",\"4645\",\"0\",\"17:10\",\"?\",\"00:00:00\",\"sleep infinity\"]]}");
    assertThat(InfoReader.processes(top))
        .containsExactly(new ContainerInfo.ProcessEntry("4700", "1000", "sleep infinity"));
  }

  @Test
  void processes_podmanUnsplitLines_splitsAndKeepsCommandSpaces() {
    var top =
        Json.parseObject(
            "{\"Processes\":[[\"sandbox        7       1  0 17:10 ?        00:00:00 sleep infinity\"]],"
                + "\"Titles\":[\"UID          PID    PPID  C STIME TTY          TIME CMD\"]}");
    assertThat(InfoReader.processes(top))
        .containsExactly(new ContainerInfo.ProcessEntry("7", "sandbox", "sleep infinity"));
  }

  @Test
  void processes_missingFields_empty() {
    assertThat(InfoReader.processes(Json.parseObject("{\"Titles\":null,\"Processes\":null}"))).isEqualTo(List.of());
  }

  @Test
  void time_rfc3339WithZoneOrOffset_parsed_neverStarted_empty() {
    assertThat(InfoReader.time("2026-11-29T17:10:00.123456789Z"))
        .contains(Instant.parse("2026-11-29T17:10:00.123456789Z"));
    assertThat(InfoReader.time("2026-11-29T17:10:00.5+01:00"))
        .contains(Instant.parse("2026-11-29T16:10:00.5Z"));
    assertThat(InfoReader.time("0001-01-01T00:00:00Z")).isEmpty();
    assertThat(InfoReader.time("garbage")).isEmpty();
  }
}
