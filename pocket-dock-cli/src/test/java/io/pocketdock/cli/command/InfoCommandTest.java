package io.pocketdock.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.cli.FakeDock;
import io.pocketdock.cli.TestCli;
import org.junit.jupiter.api.Test;

class InfoCommandTest {
  private final FakeDock dock = new FakeDock();

  @Test
  void json_hasEverySnakeCaseFieldInOrder() {
    dock.add("box");
    TestCli.Result r = TestCli.run(dock, "info", "box", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "{\"id\":\"0123456789abcdef0123\",\"name\":\"box\",\"status\":\"running\","
                + "\"image\":\"localhost/pocket-dock/minimal:latest\","
                + "\"created_at\":\"2025-01-02T03:04:05Z\",\"started_at\":\"2025-01-02T03:04:06Z\","
                + "\"uptime_seconds\":125,\"memory_usage\":12582912,\"memory_limit\":268435456,"
                + "\"memory_percent\":4.69,\"cpu_percent\":1.23,\"pids\":2,\"network\":false,"
                + "\"ip_address\":\"\",\"ports\":[],\"processes\":["
                + "{\"pid\":\"101\",\"user\":\"sandbox\",\"command\":\"/sbin/docker-init -- sleep infinity\"},"
                + "{\"pid\":\"115\",\"user\":\"sandbox\",\"command\":\"sleep infinity\"}]}\n");
  }

  @Test
  void text_isAnAlignedListingAndAProcessTable() {
    dock.add("box");
    TestCli.Result r = TestCli.run(dock, "info", "box");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("name        box\n")
        .contains("id          0123456789ab\n")
        .contains("status      running\n")
        .contains("uptime      2m 5s\n")
        .contains("memory      12.0 MiB / 256.0 MiB (4.7%)\n")
        .contains("network     off\n")
        .contains("ports       -\n")
        .contains("PID  USER     COMMAND\n")
        .contains("115  sandbox  sleep infinity\n")
        .doesNotContain("\u001b[");
  }
}
