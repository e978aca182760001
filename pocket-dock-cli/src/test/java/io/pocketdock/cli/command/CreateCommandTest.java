package io.pocketdock.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.ByteSize;
import io.pocketdock.ContainerSpec;
import io.pocketdock.cli.FakeContainer;
import io.pocketdock.cli.FakeDock;
import io.pocketdock.cli.TestCli;
import io.pocketdock.cli.PocketDockCommand;
import io.pocketdock.cli.terminal.Terminal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CreateCommandTest {
  private final FakeDock dock = new FakeDock();

  @Test
  void everyOption_parsesIntoTheSpec() {
    CreateCommand create = parse(
        "create", "--image", "localhost/x:1", "--name", "box1", "--profile", "dev",
        "--mem-limit", "256m", "--cpu-percent", "50", "--persist", "--network",
        "--timeout", "90", "--json");
    ContainerSpec spec = create.containerSpec();
    assertThat(spec.image()).isEqualTo("localhost/x:1");
    assertThat(spec.name()).isEqualTo("box1");
    assertThat(spec.profile()).isEqualTo("dev");
    assertThat(spec.memoryLimit()).isEqualTo(ByteSize.parse("256m"));
    assertThat(spec.cpuPercent()).isEqualTo(50);
    assertThat(spec.persist()).isTrue();
    assertThat(spec.network()).isTrue();
    assertThat(spec.execTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(create.json).isTrue();
  }

  @Test
  void noOptions_leaveTheSdkDefaults() {
    ContainerSpec spec = parse("create").containerSpec();
    assertThat(spec).isEqualTo(ContainerSpec.builder().outliveCreator(true).build());
  }

  @Test
  void noNetwork_turnsTheNetworkOff() {
    assertThat(parse("create", "--no-network").containerSpec().network()).isFalse();
  }

  @Test
  void create_printsOnlyTheNameAndKeepsTheContainer() {
    TestCli.Result r = TestCli.run(dock, "create", "--name", "box1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("box1\n");
    assertThat(r.err()).isEmpty();
    assertThat(dock.kept)
        .containsExactlyElementsOf(dock.created.stream().map(FakeContainer::asContainer).toList());
    assertThat(dock.closes).isEqualTo(1);
    FakeContainer c = dock.created.get(0);
    assertThat(c.shutdowns).isZero();
    assertThat(c.closed).isFalse();
  }

  @Test
  void json_printsIdNameAndImage() {
    TestCli.Result r = TestCli.run(dock, "create", "--profile", "dev", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "{\"id\":\"fedcba9876543210fedc\",\"name\":\"pd-0123456789ab\","
                + "\"image\":\"localhost/pocket-dock/dev:latest\"}\n");
  }

  @Test
  void invalidName_failsBeforeConnecting() {
    TestCli.Result r = TestCli.run(dock, "create", "--name", "bad name");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: create: invalid container name").contains("hint: ");
    assertThat(dock.connects).isEmpty();
  }

  private CreateCommand parse(String... args) {
    CommandLine cmd = PocketDockCommand.commandLine(
        new PocketDockCommand(Terminal.none(), dock.connector()),
        new java.io.PrintWriter(java.io.Writer.nullWriter()),
        new java.io.PrintWriter(java.io.Writer.nullWriter()));
    CommandLine.ParseResult pr = cmd.parseArgs(args);
    return (CreateCommand) pr.subcommand().commandSpec().userObject();
  }
}
