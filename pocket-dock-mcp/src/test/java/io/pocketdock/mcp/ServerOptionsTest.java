package io.pocketdock.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

  @Test
  void parse_noArguments_givesSecureDefaults() {
    ServerOptions o = ServerOptions.parse();
    assertThat(o.maxSandboxes()).isEqualTo(5);
    assertThat(o.allowNetwork()).isFalse();
    assertThat(o.outputCap()).isEqualTo(32768);
    assertThat(o.memory()).isEqualTo("1g");
    assertThat(o.socket()).isNull();
    assertThat(o.warm()).isEqualTo(1);
  }

  @Test
  void parse_warm_readsTheSizeAndZeroTurnsThePoolOff() {
    assertThat(ServerOptions.parse("--warm", "0").warm()).isZero();
    assertThat(ServerOptions.parse("--warm", "3").warm()).isEqualTo(3);
    assertThat(ServerOptions.parse("--warm", String.valueOf(ServerOptions.MAX_WARM)).warm())
        .isEqualTo(ServerOptions.MAX_WARM);
  }

  @Test
  void parse_badWarm_failsWithAMessageForTheOperator() {
    assertThatThrownBy(() -> ServerOptions.parse("--warm", "-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--warm must be between 0 and " + ServerOptions.MAX_WARM);
    assertThatThrownBy(() -> ServerOptions.parse("--warm", String.valueOf(ServerOptions.MAX_WARM + 1)))
        .hasMessageContaining("between 0 and");
    assertThatThrownBy(() -> ServerOptions.parse("--warm", "two"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--warm needs a number, got 'two'");
    assertThatThrownBy(() -> ServerOptions.parse("--warm")).hasMessage("--warm needs a value");
  }

  @Test
  void parse_everyOption_isRead() {
    ServerOptions o =
        ServerOptions.parse(
            "--socket", "/run/x.sock", "--max-sandboxes", "2", "--allow-network", "--output-cap", "4096",
            "--memory", "512m", "--image", "localhost/x:1", "--label", "a=b", "--label", "c=d=e");
    assertThat(o.socket()).isEqualTo(Path.of("/run/x.sock"));
    assertThat(o.maxSandboxes()).isEqualTo(2);
    assertThat(o.allowNetwork()).isTrue();
    assertThat(o.outputCap()).isEqualTo(4096);
    assertThat(o.memory()).isEqualTo("512m");
    assertThat(o.image()).isEqualTo("localhost/x:1");
    assertThat(o.labels()).isEqualTo(Map.of("a", "b", "c", "d=e"));
  }

  @Test
  void parse_volumes_areParsedAndTheirHostPathsChecked(@org.junit.jupiter.api.io.TempDir Path dir) {
    ServerOptions o = ServerOptions.parse("--volume", dir + ":/data:ro", "-v", dir + ":/work");
    assertThat(o.volumes()).hasSize(2);
    assertThat(o.volumes().get(0).readOnly()).isTrue();
    assertThat(o.volumes().get(0).container()).isEqualTo("/data");
    assertThat(o.volumes().get(1).readOnly()).isFalse();
    assertThat(ServerOptions.parse().volumes()).isEmpty();
    assertThatThrownBy(() -> ServerOptions.parse("--volume", dir.resolve("missing") + ":/data"))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> ServerOptions.parse("--volume", dir + ":relative"))
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> ServerOptions.parse("--volume", dir + ":/data:rx"))
        .hasMessageContaining("ro or rw");
  }

  @Test
  void parse_badInput_failsWithAMessageForTheOperator() {
    assertThatThrownBy(() -> ServerOptions.parse("--max-sandboxes", "0")).hasMessageContaining("between 1");
    assertThatThrownBy(() -> ServerOptions.parse("--max-sandboxes")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> ServerOptions.parse("--label", "novalue")).hasMessageContaining("KEY=VALUE");
    assertThatThrownBy(() -> ServerOptions.parse("--nope")).hasMessageContaining("unknown option");
  }

  @Test
  void run_help_exitsZeroWithUsageOnStderr() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code =
        McpServerMain.run(
            new String[] {"--help"}, java.io.InputStream.nullInputStream(), new java.io.PrintStream(out),
            new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(out.size()).isZero();
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("--volume");
  }

  @Test
  void run_badVolume_exitsTwoBeforeTouchingAnEngine() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code =
        McpServerMain.run(
            new String[] {"--socket", "/nonexistent.sock", "--volume", "nope"}, java.io.InputStream.nullInputStream(),
            new java.io.ByteArrayOutputStream(), new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("not a volume: 'nope'");
  }

  @Test
  void run_badWarm_exitsTwoWithUsageBeforeTouchingAnEngine() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code =
        McpServerMain.run(
            new String[] {"--socket", "/nonexistent.sock", "--warm", "lots"}, java.io.InputStream.nullInputStream(),
            out, new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("--warm needs a number", "Usage:", "--warm N");
  }

  @Test
  void run_badOption_exitsTwoWithUsageOnStderrAndNothingOnStdout() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code =
        McpServerMain.run(
            new String[] {"--bogus"}, java.io.InputStream.nullInputStream(), out,
            new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("unknown option", "Usage:");
  }
}
