package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Container;
import io.pocketdock.FileEntry;
import io.pocketdock.FileNotFoundInContainerException;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.WriteOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** writeFile, readFile and listFiles against real containers. */
class FilesIT {

  @EngineTest
  void writeFile_text_readsBackAndBelongsToSandbox(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      box.writeFile("/home/sandbox/hello.txt", "héllo\nwörld");
      assertThat(box.readText("/home/sandbox/hello.txt")).isEqualTo("héllo\nwörld");
      assertThat(box.run("stat -c '%U:%G %a' /home/sandbox/hello.txt").stdout())
          .isEqualTo("sandbox:sandbox 644\n");
      box.writeFile("hello.txt", "replaced"); // relative to the working directory
      assertThat(box.run("cat /home/sandbox/hello.txt").stdout()).isEqualTo("replaced");
      assertThat(box.run("echo more >> hello.txt").exitCode()).isZero(); // the user can write it
    }
  }

  @EngineTest
  void writeFile_bytes_everyByteValueRoundTrips(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      byte[] data = new byte[70_000];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) (i * 31);
      }
      box.writeFile("/tmp/blob.bin", data);
      assertThat(box.readFile("/tmp/blob.bin")).isEqualTo(data);
      box.writeFile("/tmp/empty", new byte[0]);
      assertThat(box.readFile("/tmp/empty")).isEmpty();
    }
  }

  @EngineTest
  void writeFile_missingParent_typedErrorOrCreatedWhenAsked(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      assertThatThrownBy(() -> box.writeFile("/home/sandbox/no/such/dir/f.txt", "x"))
          .isInstanceOf(FileNotFoundInContainerException.class)
          .hasMessageContaining("/home/sandbox/no/such/dir")
          .satisfies(e -> assertThat(((FileNotFoundInContainerException) e).hint().orElseThrow()).contains("withCreateParents"));
      // Podman would have created the directory as root; nothing may be left behind.
      assertThat(box.run("test -e /home/sandbox/no").exitCode()).isEqualTo(1);
      box.writeFile(
          "/home/sandbox/no/such/dir/run.sh",
          "echo ran".getBytes(StandardCharsets.UTF_8),
          WriteOptions.defaults().withCreateParents(true).withMode(0755));
      assertThat(box.run("/home/sandbox/no/such/dir/run.sh").stdout()).isEqualTo("ran\n");
      assertThat(box.run("stat -c '%U %a' /home/sandbox/no /home/sandbox/no/such/dir").stdout())
          .isEqualTo("sandbox 755\nsandbox 755\n");
    }
  }

  @EngineTest
  void writeFile_ontoDirectoryOrUnderFile_invalidArgumentAndNothingChanged(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      box.run("mkdir -p /home/sandbox/keep && touch /home/sandbox/keep/inside && echo f > /home/sandbox/plain");
      assertThatThrownBy(() -> box.writeFile("/home/sandbox/keep", "x"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("is a directory");
      assertThat(box.run("test -f /home/sandbox/keep/inside").exitCode()).isZero();
      assertThatThrownBy(() -> box.writeFile("/home/sandbox/plain/x", "x"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("not a directory");
      assertThatThrownBy(() -> box.writeFile("/", "x")).isInstanceOf(InvalidArgumentException.class);
    }
  }

  @EngineTest
  void readFile_missingDirectoryOrSymlink_typedErrorsAndLinksFollowed(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      assertThatThrownBy(() -> box.readFile("/home/sandbox/missing.txt"))
          .isInstanceOf(FileNotFoundInContainerException.class)
          .satisfies(e -> assertThat(((FileNotFoundInContainerException) e).path()).isEqualTo("/home/sandbox/missing.txt"));
      assertThatThrownBy(() -> box.readFile("/home/sandbox"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("is a directory");
      box.run("echo target > /tmp/t.txt && ln -s /tmp/t.txt /home/sandbox/abs && ln -s ../../tmp/t.txt /home/sandbox/rel");
      assertThat(box.readText("/home/sandbox/abs")).isEqualTo("target\n");
      assertThat(box.readText("rel")).isEqualTo("target\n");
      assertThat(box.readText("/etc/../etc/hostname")).isNotEmpty();
    }
  }

  @EngineTest
  void listFiles_oddNames_allEntriesTypedWithHiddenAndLinks(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      box.run(
          "cd /home/sandbox && mkdir sub && printf 12345 > 'with space.txt' && touch \"$(printf 'new\\nline')\" "
              + "&& touch .hidden ..dots 'ünï' && ln -s sub link && chmod 0750 sub && mkfifo pipe");
      List<FileEntry> entries = box.listFiles();
      Map<String, FileEntry> byName = entries.stream().collect(Collectors.toMap(FileEntry::name, Function.identity()));
      assertThat(byName).containsKeys("sub", "with space.txt", "new\nline", ".hidden", "..dots", "ünï", "link", "pipe", ".bashrc");
      assertThat(byName).doesNotContainKeys(".", "..");
      assertThat(byName.get("sub").isDirectory()).isTrue();
      assertThat(byName.get("sub").mode()).isEqualTo(0750);
      assertThat(byName.get("with space.txt").size()).isEqualTo(5);
      assertThat(byName.get("with space.txt").type()).isEqualTo(FileEntry.Type.FILE);
      assertThat(byName.get("link").type()).isEqualTo(FileEntry.Type.SYMLINK);
      assertThat(byName.get("link").linkTarget()).contains("sub");
      assertThat(byName.get("link").isDirectory()).isFalse();
      assertThat(byName.get("pipe").type()).isEqualTo(FileEntry.Type.OTHER);
      assertThat(byName.get("sub").modified()).isAfter(java.time.Instant.now().minusSeconds(3600));
      assertThat(entries).extracting(FileEntry::name).isSorted();
      assertThat(box.listFiles("/home/sandbox/sub")).isEmpty();
    }
  }

  @EngineTest
  void listFiles_directoryTheUserMayNotRead_listedThroughTheEngine(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      box.run("mkdir /root/secret && echo abc > /root/x && chmod 700 /root", io.pocketdock.ExecOptions.defaults().withUser("0"));
      assertThat(box.run("ls /root").exitCode()).isNotZero(); // sandbox cannot read it
      Map<String, FileEntry> byName =
          box.listFiles("/root").stream().collect(Collectors.toMap(FileEntry::name, Function.identity()));
      assertThat(byName).containsKeys("secret", "x");
      assertThat(byName.get("secret").isDirectory()).isTrue();
      assertThat(byName.get("x").size()).isEqualTo(4);
    }
  }

  @EngineTest
  void listFiles_missingOrFile_typedErrors(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      assertThatThrownBy(() -> box.listFiles("/nope"))
          .isInstanceOf(FileNotFoundInContainerException.class)
          .hasMessageContaining("/nope");
      assertThatThrownBy(() -> box.listFiles("/etc/hostname"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("not a directory");
    }
  }

  @EngineTest
  void files_busyboxImageWithoutUser_rootOwnedAndListingWorks(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().image(TestImages.BUSYBOX).build())) {
      box.writeFile("/tmp/a b.txt", "busy");
      assertThat(box.readText("/tmp/a b.txt")).isEqualTo("busy");
      assertThat(box.run("stat -c '%u:%g' '/tmp/a b.txt'").stdout()).isEqualTo("0:0\n");
      assertThat(box.listFiles("/tmp")).extracting(FileEntry::name).contains("a b.txt");
      assertThat(box.listFiles("/")).extracting(FileEntry::name).contains("bin", "tmp");
    }
  }
}
