package io.pocketdock.internal.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarTreeTest {
  @TempDir Path tmp;
  private Path src;

  @BeforeEach
  void tree() throws IOException {
    src = Files.createDirectory(tmp.resolve("src"));
    Files.createDirectories(src.resolve("z/empty"));
    Files.writeString(src.resolve("z/script"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(
        src.resolve("z/script"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.writeString(src.resolve("b-ünï.txt"), "unicode");
    Files.write(src.resolve("a-big"), new byte[70_000]);
    Files.createSymbolicLink(src.resolve("z/link"), Path.of("script"));
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "s");
    Files.createSymbolicLink(src.resolve("escape"), outside);
  }

  @Test
  void pack_directory_deterministicOrderWithLinksKept() throws IOException {
    byte[] first = pack(src, "root");
    byte[] second = pack(src, "root");
    Archives.Read read = Archives.read(first);

    assertThat(second).isEqualTo(first);
    assertThat(read.names())
        .containsExactly(
            "root",
            "root/a-big",
            "root/b-ünï.txt",
            "root/escape",
            "root/z",
            "root/z/empty",
            "root/z/link",
            "root/z/script");
    assertThat(read.entry("root/escape").type()).isEqualTo(TarEntry.Type.SYMLINK);
    assertThat(read.entry("root/z/script").mode()).isEqualTo(0750);
    assertThat(read.entry("root/z/link").linkName()).isEqualTo("script");
    assertThat(read.names()).noneMatch(n -> n.contains("secret"));
  }

  @Test
  void packThenExtract_treeWithoutEscapes_isReproduced() throws IOException {
    Files.delete(src.resolve("escape"));
    Path out = tmp.resolve("out");
    byte[] archive = pack(src, "");
    SafeExtractor.extract(
        new TarReader(new ByteArrayInputStream(archive)), out, ExtractOptions.defaults());

    assertThat(out.resolve("z/script")).hasContent("#!/bin/sh");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("z/script"))))
        .isEqualTo("rwxr-x---");
    assertThat(Files.readSymbolicLink(out.resolve("z/link"))).isEqualTo(Path.of("script"));
    assertThat(out.resolve("z/empty")).isEmptyDirectory();
    assertThat(out.resolve("b-ünï.txt")).hasContent("unicode");
    assertThat(Files.size(out.resolve("a-big"))).isEqualTo(70_000);
  }

  @Test
  void packThenExtract_symlinkPointingOutside_refusedByExtractor() throws IOException {
    byte[] archive = pack(src, "");

    assertThatThrownBy(
            () ->
                SafeExtractor.extract(
                    new TarReader(new ByteArrayInputStream(archive)),
                    tmp.resolve("out"),
                    ExtractOptions.defaults()))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining("'escape'");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void pack_singleFile_usesRootName() throws IOException {
    Archives.Read read = Archives.read(pack(src.resolve("b-ünï.txt"), "renamed.txt"));

    assertThat(read.names()).containsExactly("renamed.txt");
    assertThat(read.contents()).containsEntry("renamed.txt", "unicode");
  }

  @Test
  void pack_symlinkAsSource_archivesTheLinkNotItsTarget() throws IOException {
    Archives.Read read = Archives.read(pack(src.resolve("escape"), "e"));

    assertThat(read.names()).containsExactly("e");
    assertThat(read.entry("e").type()).isEqualTo(TarEntry.Type.SYMLINK);
  }

  private static byte[] pack(Path source, String root) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarWriter w = new TarWriter(bytes)) {
      TarTree.pack(source, root, w);
    }
    return bytes.toByteArray();
  }
}
