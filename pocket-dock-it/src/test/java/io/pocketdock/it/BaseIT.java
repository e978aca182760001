package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.BuildOptions;
import io.pocketdock.BuildProgress;
import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.EngineInfo;
import io.pocketdock.PocketDock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missing base image is made offline and imported through the engine API, then built on. Uses a
 * test name for the base, never the shared {@code localhost/pocket-dock/base:bookworm}.
 */
class BaseIT {
  @TempDir Path project;

  private static final String PROFILE_DOCKERFILE =
      "ARG BASE_IMAGE=localhost/pocket-dock/base:bookworm\nFROM ${BASE_IMAGE}\n"
          + "RUN python3 -c 'print(\"on-new-base\")'\nCMD [\"sleep\", \"infinity\"]\n";

  /** From the cached root file system tarball (setup-engines made it; the SDK finds it by key). */
  @EngineTest
  void build_missingBase_importsItOfflineAndBuildsOnIt(TestEngine engine) throws Exception {
    String base = "localhost/pocket-dock-test/base-" + UUID.randomUUID().toString().substring(0, 8) + ":bookworm";
    String name = TestProfiles.name("onbase");
    TestProfiles.write(project, name, PROFILE_DOCKERFILE);
    List<BuildProgress> progress = new CopyOnWriteArrayList<>();
    try {
      engine.dock().build(
          name,
          BuildOptions.defaults()
              .withProjectRoot(project)
              .withBaseImage(base)
              .withOffline(true)
              .withProgress(progress::add));
      assertThat(TestProfiles.exists(engine.socket(), base)).isTrue();
      assertThat(progress)
          .filteredOn(p -> p.phase() == BuildProgress.Phase.BASE)
          .extracting(BuildProgress::line)
          .anyMatch(l -> l.contains("is missing"))
          .anyMatch(l -> l.contains("offline base"));
      assertThat(progress).anyMatch(p -> p.line().equals("on-new-base"));
      try (Container box =
          engine.dock().create(
              ContainerSpec.builder().profile(name).labels(Map.of(TestEngine.RUN_LABEL, TestEngine.RUN_ID)).build())) {
        assertThat(box.run("python3 -c 'print(6*7)'").stdout()).isEqualTo("42\n");
      }
    } finally {
      TestProfiles.removeImage(engine.socket(), "localhost/pocket-dock/" + name + ":latest");
      TestProfiles.removeImage(engine.socket(), base);
    }
  }

  /** mmdebstrap itself, into an empty cache (needs root and the Debian mirror, as CI has). */
  @Test
  @Tag("engine")
  @ExtendWith(EngineExtension.class)
  void build_missingBaseAndEmptyCache_runsMmdebstrapThenImports(@TempDir Path cache) throws Exception {
    String base = "localhost/pocket-dock-test/base-" + UUID.randomUUID().toString().substring(0, 8) + ":bookworm";
    String name = TestProfiles.name("mmdeb");
    TestProfiles.write(project, name, PROFILE_DOCKERFILE);
    Path socket = TestEngine.socketOf(EngineInfo.Kind.PODMAN);
    try (PocketDock podman = PocketDock.builder().socket(socket).build()) {
      List<String> base_lines = new CopyOnWriteArrayList<>();
      podman.build(
          name,
          BuildOptions.defaults()
              .withProjectRoot(project)
              .withBaseImage(base)
              .withCacheDir(cache)
              .withOffline(true)
              .withProgress(p -> {
                if (p.phase() == BuildProgress.Phase.BASE) {
                  base_lines.add(p.line());
                }
              }));
      assertThat(base_lines).anyMatch(l -> l.startsWith("base rootfs: mmdebstrap"));
      try (var files = Files.list(cache)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .anyMatch(f -> f.matches("rootfs-bookworm-[0-9a-f]{16}\\.tar"))
            .noneMatch(f -> f.endsWith(".part"));
      }
    } finally {
      TestProfiles.removeImage(socket, "localhost/pocket-dock/" + name + ":latest");
      TestProfiles.removeImage(socket, base);
    }
  }
}
