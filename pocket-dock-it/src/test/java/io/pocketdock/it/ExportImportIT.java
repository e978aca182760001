package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.EngineInfo;
import io.pocketdock.ImageNotFoundException;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.PocketDock;
import io.pocketdock.internal.engine.EngineClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image archives: export, remove, import, run — on each engine, and across engines. Works on a
 * test copy of minimal (a second name for the same image), never on the shared name.
 */
class ExportImportIT {
  @TempDir Path dir;

  private static String testName(String what) {
    return "localhost/pocket-dock-test/" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void tagMinimal(Path socket, String repo) throws IOException {
    try (EngineClient c = LeakSweeper.RawEngine.connect(socket)) {
      c.images().tag(TestImages.MINIMAL, repo, "latest");
    }
  }

  private static String runIn(PocketDock dock, String image) {
    try (Container box =
        dock.create(
            ContainerSpec.builder()
                .image(image)
                .labels(Map.of(TestEngine.RUN_LABEL, TestEngine.RUN_ID))
                .build())) {
      return box.run("id -un; python3 -c 'print(6*7)'").stdout();
    }
  }

  @EngineTest
  void exportImport_gzipRoundTrip_imageRunsAgain(TestEngine engine) throws IOException {
    String repo = testName("export");
    String image = repo + ":latest";
    Path archive = dir.resolve("images.tar.gz");
    try {
      tagMinimal(engine.socket(), repo);
      AtomicLong exported = new AtomicLong();
      long bytes = engine.dock().exportImages(List.of(image), archive, exported::set);
      assertThat(bytes).isGreaterThan(10_000_000L).isEqualTo(exported.get());
      try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
        assertThat(in.readNBytes(512)).hasSize(512); // a gzipped tar
      }
      assertThat(Files.size(archive)).isLessThan(bytes);
      assertThat(dir.toFile().list()).containsExactly("images.tar.gz"); // no part file left

      TestProfiles.removeImage(engine.socket(), image);
      assertThat(TestProfiles.exists(engine.socket(), image)).isFalse();

      AtomicLong sent = new AtomicLong();
      List<String> loaded = engine.dock().importImages(archive, sent::set);
      assertThat(sent.get()).isEqualTo(bytes);
      assertThat(loaded).anyMatch(n -> n.contains(repo));
      assertThat(runIn(engine.dock(), image)).isEqualTo("sandbox\n42\n");
    } finally {
      TestProfiles.removeImage(engine.socket(), image);
    }
  }

  @EngineTest
  void exportImport_badInput_typedErrorsAndNoFileLeft(TestEngine engine) throws IOException {
    Path out = dir.resolve("x.tar");
    assertThatThrownBy(() -> engine.dock().exportImages(List.of("nosuchprofile"), out, null))
        .isInstanceOf(ImageNotFoundException.class)
        .satisfies(e -> assertThat(((ImageNotFoundException) e).hint().orElseThrow()).contains("pocket-dock build nosuchprofile"));
    assertThatThrownBy(() -> engine.dock().exportImages(List.of("minimal"), dir.resolve("no/dir/x.tar"), null))
        .isInstanceOf(InvalidArgumentException.class);
    assertThat(dir.toFile().list()).isEmpty();
    assertThatThrownBy(() -> engine.dock().importImages(dir.resolve("missing.tar"), null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("missing.tar");
    Path junk = Files.writeString(dir.resolve("junk.tar"), "this is not an image archive\n");
    assertThatThrownBy(() -> engine.dock().importImages(junk, null))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("junk.tar");
  }

  /** An archive from Docker loads into Podman, and one from Podman into Docker. */
  @Test
  @Tag("engine")
  @ExtendWith(EngineExtension.class)
  void exportImport_acrossEngines_runsOnTheOther() throws IOException {
    try (PocketDock podman =
            PocketDock.builder().socket(TestEngine.socketOf(EngineInfo.Kind.PODMAN)).build();
        PocketDock docker =
            PocketDock.builder().socket(TestEngine.socketOf(EngineInfo.Kind.DOCKER)).build()) {
      cross(docker, podman);
      cross(podman, docker);
    }
  }

  private void cross(PocketDock from, PocketDock to) throws IOException {
    String repo = testName("xfer");
    String image = repo + ":latest";
    Path archive = dir.resolve(from.engine().kind().id() + ".tar");
    try {
      tagMinimal(from.engine().socket(), repo);
      from.exportImages(List.of(image), archive, null);
      assertThat(to.importImages(archive, null)).anyMatch(n -> n.contains(repo));
      assertThat(runIn(to, image)).isEqualTo("sandbox\n42\n");
    } finally {
      TestProfiles.removeImage(from.engine().socket(), image);
      TestProfiles.removeImage(to.engine().socket(), image);
      Files.deleteIfExists(archive);
    }
  }
}
