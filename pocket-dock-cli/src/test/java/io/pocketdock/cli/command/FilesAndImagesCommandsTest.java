package io.pocketdock.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.ByteSize;
import io.pocketdock.Profile;
import io.pocketdock.cli.FakeContainer;
import io.pocketdock.cli.FakeDock;
import io.pocketdock.cli.PocketDockCommand;
import io.pocketdock.cli.TestCli;
import io.pocketdock.cli.terminal.Terminal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** push, pull, profiles, build, export, import and create's volume, port and device options. */
class FilesAndImagesCommandsTest {
  @TempDir Path dir;
  private final FakeDock dock = new FakeDock();
  private final FakeContainer box = dock.add("box");

  private TestCli.Result cli(String... args) {
    return TestCli.run(new PocketDockCommand(Terminal.none(), dock.connector()).workingDirectory(dir), args);
  }

  @Test
  void push_resolvesTheHostPathAgainstTheWorkingDirectory_quietWhenPiped() {
    TestCli.Result r = cli("push", "box", "src", "/home/sandbox/");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    assertThat(box.pushes).containsExactly(dir.resolve("src") + " -> /home/sandbox/");
  }

  @Test
  void pull_resolvesTheHostPath() {
    assertThat(cli("pull", "box", "out", "results").code()).isZero();
    assertThat(box.pulls).containsExactly("out -> " + dir.resolve("results"));
  }

  @Test
  void profiles_json_documentedFields_sizeNullWhenNotBuilt() {
    dock.profileList =
        List.of(
            new Profile("minimal", "localhost/pocket-dock/minimal:latest", false, "Python", Optional.of(ByteSize.of(1000)), "x", true),
            new Profile("dev", "localhost/pocket-dock/dev:latest", true, "Tools", Optional.empty(), "y", true));
    TestCli.Result r = cli("profiles", "--json");
    assertThat(r.out())
        .isEqualTo(
            "[{\"name\":\"minimal\",\"image_tag\":\"localhost/pocket-dock/minimal:latest\",\"network_default\":false,\"description\":\"Python\",\"size\":1000},"
                + "{\"name\":\"dev\",\"image_tag\":\"localhost/pocket-dock/dev:latest\",\"network_default\":true,\"description\":\"Tools\",\"size\":null}]\n");
    assertThat(cli("profiles").out()).contains("not built").contains("1000 B");
  }

  @Test
  void build_defaultsToMinimal_showsProgressOnStderr_printsTheImage() {
    TestCli.Result r = cli("build", "--offline");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("localhost/pocket-dock/minimal:latest\n");
    assertThat(r.err()).contains("[1/2] FROM base").contains("  hello").contains("built localhost/pocket-dock/minimal:latest");
    assertThat(dock.builds).containsExactly("minimal");
    assertThat(dock.buildOptions.offline()).isTrue();
  }

  @Test
  void export_namesOrAll_butNotBoth_andNotNeither() {
    assertThat(cli("export", "-o", "x.tar").code()).isEqualTo(2);
    assertThat(cli("export", "dev", "--all", "-o", "x.tar").code()).isEqualTo(2);
    assertThat(cli("export", "dev").code()).isEqualTo(2);
    TestCli.Result r = cli("export", "minimal", "dev", "-o", "x.tar");
    assertThat(r.code()).isZero();
    assertThat(dock.exports).containsExactly("minimal,dev -> " + dir.resolve("x.tar"));
    assertThat(r.err()).isEqualTo("exporting minimal, dev...\nexported minimal, dev to " + dir.resolve("x.tar") + " (4.0 KiB uncompressed)\n");
  }

  @Test
  void export_all_takesTheBuiltProfiles() {
    dock.profileList =
        List.of(
            new Profile("minimal", "m", false, "", Optional.of(ByteSize.of(1)), "x", true),
            new Profile("dev", "d", true, "", Optional.empty(), "y", true));
    assertThat(cli("export", "--all", "-o", "all.tar").code()).isZero();
    assertThat(dock.exports).containsExactly("minimal -> " + dir.resolve("all.tar"));
  }

  @Test
  void import_printsTheLoadedImages() {
    TestCli.Result r = cli("import", "in.tar");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("localhost/pocket-dock/minimal:latest\n");
    assertThat(dock.imports).containsExactly(dir.resolve("in.tar"));
  }

  @Test
  void create_shortV_isAVolume_longVerboseStillWorks() {
    TestCli.Result r = cli("create", "-v", "data:/data:ro", "-p", "8080:80", "--device", "/dev/zero", "--verbose");
    assertThat(r.code()).as(r.err()).isZero();
    var spec = dock.created.get(0).spec;
    assertThat(spec.volumes()).singleElement().satisfies(v -> {
      assertThat(v.host()).isEqualTo(dir.resolve("data"));
      assertThat(v.container()).isEqualTo("/data");
      assertThat(v.readOnly()).isTrue();
    });
    assertThat(spec.ports()).singleElement().satisfies(p -> {
      assertThat(p.hostPort()).isEqualTo(8080);
      assertThat(p.containerPort()).isEqualTo(80);
    });
    assertThat(spec.devices()).containsExactly("/dev/zero");
    assertThat(r.err()).startsWith("> GET /v1.41/_ping");
  }

  @Test
  void create_badPort_isAnErrorBeforeConnecting() {
    TestCli.Result r = cli("create", "-p", "notaport");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ");
    assertThat(dock.connects).isEmpty();
  }
}
