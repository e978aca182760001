package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Container;
import io.pocketdock.UnsafeArchiveException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container running hostile code plants links and odd files, then the host pulls: every entry
 * that could escape the destination is refused by name, and nothing of the pull is left behind.
 */
class HostileArchiveIT {
  @TempDir Path tmp;

  @EngineTest
  void pull_absoluteSymlinkOut_refusedNamingEntryAndNothingWritten(TestEngine engine) throws IOException {
    assertRefused(engine, "ln -s /etc evil/escape", "escape");
  }

  @EngineTest
  void pull_relativeSymlinkClimbingOut_refused(TestEngine engine) throws IOException {
    assertRefused(engine, "mkdir evil/sub && ln -s ../../../../../../ evil/sub/up", "up");
  }

  @EngineTest
  void pull_fifo_refused(TestEngine engine) throws IOException {
    assertRefused(engine, "mkfifo evil/pipe", "pipe");
  }

  @EngineTest
  void pull_namesCollidingByCase_refused(TestEngine engine) throws IOException {
    assertRefused(engine, "echo 1 > evil/Readme && echo 2 > evil/README", "README");
  }

  @EngineTest
  void pull_linksInsideTheTree_allowed(TestEngine engine) throws IOException {
    try (Container box = engine.dock().create(engine.spec().build())) {
      box.run("cd /home/sandbox && mkdir -p ok/d && echo x > ok/d/f && ln -s d/f ok/rel && ln -s ../d/f ok/d/up && ln ok/d/f ok/hard");
      box.pull("/home/sandbox/ok", tmp.resolve("ok"));
      assertThat(Files.readString(tmp.resolve("ok/rel"))).isEqualTo("x\n");
      assertThat(Files.readString(tmp.resolve("ok/hard"))).isEqualTo("x\n");
    }
  }

  private void assertRefused(TestEngine engine, String plant, String entry) throws IOException {
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "untouched");
    Path dest = tmp.resolve("dest");
    try (Container box = engine.dock().create(engine.spec().build())) {
      // Plenty of good files before and after the hostile one: they must be rolled back too.
      box.run("cd /home/sandbox && mkdir evil && echo a > evil/aaa && echo z > evil/zzz && " + plant).exitCode();
      assertThatThrownBy(() -> box.pull("/home/sandbox/evil", dest))
          .isInstanceOf(UnsafeArchiveException.class)
          .hasMessageContainingAll("refused", "nothing was written")
          .satisfies(e -> assertThat(((UnsafeArchiveException) e).entryName()).containsIgnoringCase(entry))
          .satisfies(e -> assertThat(((UnsafeArchiveException) e).reason()).isNotBlank());
    }
    assertThat(dest).doesNotExist();
    assertThat(Files.readString(outside)).isEqualTo("untouched");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(List.of("outside.txt"));
    }
  }
}
