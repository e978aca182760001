package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Container;
import io.pocketdock.FileNotFoundInContainerException;
import io.pocketdock.HostFileException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** push and pull of files and trees; the engine reads our archives and we read the engine's. */
class PushPullIT {
  @TempDir Path tmp;

  @EngineTest
  void pushPull_directoryTree_keepsContentModesSymlinksAndEmptyDirs(TestEngine engine) throws IOException {
    Path src = tmp.resolve("proj");
    Files.createDirectories(src.resolve("bin"));
    Files.createDirectories(src.resolve("empty"));
    Files.createDirectories(src.resolve("deep/er/still"));
    Files.writeString(src.resolve("README"), "read me\n");
    Files.writeString(src.resolve("bin/run.sh"), "#!/bin/sh\necho run\n");
    Files.setPosixFilePermissions(src.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.writeString(src.resolve("deep/er/still/ünicode name.txt"), "deep");
    Files.createSymbolicLink(src.resolve("link"), Path.of("bin/run.sh"));
    Files.writeString(src.resolve("x".repeat(120)), "long name"); // needs a PAX or GNU long name
    try (Container box = engine.dock().create(engine.spec().build())) {
      box.push(src, "/home/sandbox/proj");
      assertThat(box.run("cd /home/sandbox/proj && ./link && stat -c '%U %a' bin/run.sh && test -d empty && cat 'deep/er/still/ünicode name.txt' && readlink link && cat " + "x".repeat(120)).stdout())
          .isEqualTo("run\nsandbox 750\ndeep" + "bin/run.sh\nlong name");
      box.run("echo added > /home/sandbox/proj/added.txt");

      Path back = tmp.resolve("back");
      box.pull("/home/sandbox/proj", back);
      assertThat(Files.readString(back.resolve("README"))).isEqualTo("read me\n");
      assertThat(Files.readString(back.resolve("added.txt"))).isEqualTo("added\n");
      assertThat(Files.readString(back.resolve("deep/er/still/ünicode name.txt"))).isEqualTo("deep");
      assertThat(Files.readSymbolicLink(back.resolve("link"))).isEqualTo(Path.of("bin/run.sh"));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(back.resolve("bin/run.sh")))).isEqualTo("rwxr-x---");
      assertThat(back.resolve("empty")).isEmptyDirectory();
      assertThat(Files.readString(back.resolve("x".repeat(120)))).isEqualTo("long name");
    }
  }

  @EngineTest
  void pushPull_existingDirectoryTargets_copyInsideLikeCp(TestEngine engine) throws IOException {
    Path file = tmp.resolve("notes.txt");
    Files.writeString(file, "notes");
    try (Container box = engine.dock().create(engine.spec().build())) {
      box.push(file, "/tmp"); // an existing directory: the file goes inside
      box.push(file, "/tmp/renamed.txt"); // a new path: the copy gets that name
      assertThat(box.run("cat /tmp/notes.txt /tmp/renamed.txt").stdout()).isEqualTo("notesnotes");
      Path into = Files.createDirectory(tmp.resolve("into"));
      box.pull("/tmp/notes.txt", into);
      box.pull("/tmp/renamed.txt", tmp.resolve("exact.txt"));
      box.pull("/etc/hostname", tmp.resolve("exact.txt")); // overwrites
      assertThat(Files.readString(into.resolve("notes.txt"))).isEqualTo("notes");
      assertThat(Files.readString(tmp.resolve("exact.txt"))).isEqualTo(box.readText("/etc/hostname"));
      try (Stream<Path> left = Files.list(tmp)) {
        assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("pocket-dock-pull"));
      }
    }
  }

  @EngineTest
  void push_missingHostPath_hostFileErrorAndNothingCreated(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      Path missing = tmp.resolve("nope");
      assertThatThrownBy(() -> box.push(missing, "/home/sandbox/nope"))
          .isInstanceOf(HostFileException.class)
          .hasMessageContaining(missing.toString())
          .satisfies(e -> assertThat(((HostFileException) e).hostPath()).isEqualTo(missing));
      assertThatThrownBy(() -> box.push(tmp, "/home/sandbox/no/such/dir"))
          .isInstanceOf(FileNotFoundInContainerException.class)
          .hasMessageContaining("/home/sandbox/no/such");
      assertThat(box.run("test -e /home/sandbox/nope || test -e /home/sandbox/no").exitCode()).isEqualTo(1);
    }
  }

  @EngineTest
  void pull_missingContainerPathOrHostParent_typedErrorAndNothingCreated(TestEngine engine) throws IOException {
    try (Container box = engine.dock().create(engine.spec().build())) {
      assertThatThrownBy(() -> box.pull("/home/sandbox/missing", tmp.resolve("out")))
          .isInstanceOf(FileNotFoundInContainerException.class)
          .hasMessageContaining("/home/sandbox/missing");
      assertThatThrownBy(() -> box.pull("/etc/hostname", tmp.resolve("no/such/out")))
          .isInstanceOf(HostFileException.class);
      try (Stream<Path> left = Files.list(tmp)) {
        assertThat(left).isEmpty();
      }
    }
  }

  /** Prints (does not assert) the time of a 20 MB push and pull, for the note. */
  @EngineTest
  void pushPull_20MegabyteFile_identicalAndTimed(TestEngine engine) throws Exception {
    Path big = tmp.resolve("big.bin");
    byte[] block = new byte[1 << 20];
    Random random = new Random(42);
    try (OutputStream out = Files.newOutputStream(big)) {
      for (int i = 0; i < 20; i++) {
        random.nextBytes(block);
        out.write(block);
      }
    }
    try (Container box = engine.dock().create(engine.spec().build())) {
      long t0 = System.nanoTime();
      box.push(big, "/home/sandbox/big.bin");
      long t1 = System.nanoTime();
      box.pull("/home/sandbox/big.bin", tmp.resolve("big.back"));
      long t2 = System.nanoTime();
      System.out.printf(
          "[%s] 20 MiB push %.0f ms, pull %.0f ms%n", engine.kind().id(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
      assertThat(sha256(tmp.resolve("big.back"))).isEqualTo(sha256(big));
      assertThat(box.run("sha256sum /home/sandbox/big.bin").stdout()).startsWith(sha256(big));
      assertThat(Files.size(tmp.resolve("big.back"))).isEqualTo(20L << 20);
      assertThat(Files.isSymbolicLink(tmp.resolve("big.back"))).isFalse();
      assertThat(Files.exists(tmp.resolve("big.back"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(Files.readAllBytes(file));
    return HexFormat.of().formatHex(md.digest());
  }
}
