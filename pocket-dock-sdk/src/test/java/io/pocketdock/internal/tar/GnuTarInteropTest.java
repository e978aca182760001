package io.pocketdock.internal.tar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Archives we write are what GNU tar expects, and archives GNU tar writes read correctly. */
class GnuTarInteropTest {
  private static final String LONG_NAME = "dir/" + "n".repeat(150) + "/" + "m".repeat(120);
  private static final String UNICODE = "dir/ünïcödé-日本.txt";
  private static final String THOUSAND =
      "dir/" + ("x".repeat(240) + "/").repeat(4) + "f".repeat(32);
  private static final String LONG_TARGET = "../" + "t".repeat(180);

  @TempDir Path tmp;

  @Test
  void gnuTar_listsAndExtractsOurArchive() throws Exception {
    Path archive = tmp.resolve("ours.tar");
    try (OutputStream out = Files.newOutputStream(archive);
        TarWriter w = new TarWriter(out)) {
      Instant mtime = Instant.parse("2023-03-04T05:06:07Z");
      w.owner(1000, 1000, "sandbox", "sandbox");
      w.writeDirectory("dir", 0750, mtime);
      w.writeDirectory("dir/empty", 0700, mtime);
      InputStream script = new java.io.ByteArrayInputStream("hi\n".getBytes(UTF_8));
      w.writeFile("dir/run.sh", 0755, 3, mtime, script);
      w.writeFile(LONG_NAME, 0600, "long".getBytes(UTF_8));
      w.writeFile(UNICODE, 0644, "uni".getBytes(UTF_8));
      w.writeFile(THOUSAND, 0644, "thousand".getBytes(UTF_8));
      w.writeFile("dir/blocks", 0644, new byte[1500]);
      w.writeSymlink("dir/link", "run.sh", mtime);
      w.writeSymlink("dir/longlink", LONG_TARGET, mtime);
    }

    String listing = GnuTar.run(tmp, "-tvf", archive.toString());
    assertThat(listing)
        .contains("drwxr-x--- sandbox/sandbox", "dir/")
        .containsPattern("-rwxr-xr-x sandbox/sandbox +3 2023-03-04 05:06 dir/run.sh")
        .contains(LONG_NAME, UNICODE, "dir/link -> run.sh", "dir/longlink -> " + LONG_TARGET);

    Path out = Files.createDirectory(tmp.resolve("out"));
    GnuTar.run(out, "--no-same-owner", "-xf", archive.toString());
    assertThat(out.resolve("dir/run.sh")).hasContent("hi");
    assertThat(perms(out.resolve("dir/run.sh"))).isEqualTo("rwxr-xr-x");
    assertThat(perms(out.resolve("dir"))).isEqualTo("rwxr-x---");
    assertThat(out.resolve(LONG_NAME)).hasContent("long");
    assertThat(out.resolve(UNICODE)).hasContent("uni");
    assertThat(THOUSAND).hasSize(1000);
    assertThat(out.resolve(THOUSAND)).hasContent("thousand");
    assertThat(out.resolve("dir/blocks")).hasSize(1500);
    assertThat(out.resolve("dir/empty")).isEmptyDirectory();
    assertThat(Files.readSymbolicLink(out.resolve("dir/link")).toString()).isEqualTo("run.sh");
    assertThat(Files.readSymbolicLink(out.resolve("dir/longlink")).toString())
        .isEqualTo(LONG_TARGET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gnu", "pax", "ustar"})
  void ourReader_readsGnuTarArchive(String format) throws Exception {
    Path src = Files.createDirectory(tmp.resolve("src"));
    Files.createDirectories(src.resolve("tree/empty"));
    Files.writeString(src.resolve("tree/a.txt"), "alpha");
    Files.setPosixFilePermissions(
        src.resolve("tree/a.txt"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.createLink(src.resolve("tree/hard"), src.resolve("tree/a.txt"));
    Files.createSymbolicLink(src.resolve("tree/sym"), Path.of("a.txt"));
    // ustar holds 155 + 100 bytes of name, ASCII in practice; the others take anything.
    boolean ustar = format.equals("ustar");
    String deep = ustar ? "tree/" + "p".repeat(90) + "/" + "q".repeat(90) : "tree/" + LONG_NAME;
    Files.createDirectories(src.resolve(deep).getParent());
    Files.writeString(src.resolve(deep), "deep");
    String unicode = "tree/ünï-日本.txt";
    Files.writeString(src.resolve(unicode), "uni");

    Path archive = tmp.resolve(format + ".tar");
    GnuTar.run(
        src,
        "--format=" + format,
        "--sort=name",
        "--owner=4242",
        "--group=99",
        "--numeric-owner",
        "-cf",
        archive.toString(),
        "tree");
    Archives.Read read = Archives.read(Files.readAllBytes(archive));

    assertThat(read.contents())
        .containsEntry("tree/a.txt", "alpha")
        .containsEntry(deep, "deep")
        .containsEntry(unicode, "uni");
    assertThat(read.entry("tree/a.txt").mode()).isEqualTo(0750);
    assertThat(read.entry("tree/a.txt").uid()).isEqualTo(4242);
    assertThat(read.entry("tree/a.txt").gid()).isEqualTo(99);
    assertThat(read.entry("tree/empty").type()).isEqualTo(TarEntry.Type.DIRECTORY);
    assertThat(read.entry("tree/sym").linkName()).isEqualTo("a.txt");
    assertThat(read.entry("tree/hard").type()).isEqualTo(TarEntry.Type.HARDLINK);
    assertThat(read.entry("tree/hard").linkName()).isEqualTo("tree/a.txt");

    Path out = tmp.resolve("out");
    SafeExtractor.extract(
        new TarReader(Files.newInputStream(archive)), out, ExtractOptions.defaults());
    assertThat(out.resolve("tree/hard")).hasContent("alpha");
    assertThat(out.resolve(deep)).hasContent("deep");
    assertThat(out.resolve("tree/empty")).isEmptyDirectory();
  }

  @Test
  void tarTreePack_gnuTarExtractsSameTree() throws Exception {
    Path src = Files.createDirectory(tmp.resolve("src"));
    Files.createDirectories(src.resolve("b/empty"));
    Files.writeString(src.resolve("b/file"), "x");
    Files.setPosixFilePermissions(
        src.resolve("b/file"), PosixFilePermissions.fromString("rwx------"));
    Files.createSymbolicLink(src.resolve("b/out"), Path.of("/etc/hostname"));
    Files.writeString(src.resolve("a"), "first");

    Path archive = tmp.resolve("tree.tar");
    try (TarWriter w = new TarWriter(Files.newOutputStream(archive))) {
      TarTree.pack(src, "root", w);
    }
    Path out = Files.createDirectory(tmp.resolve("out"));
    GnuTar.run(out, "--no-same-owner", "-xf", archive.toString());

    assertThat(out.resolve("root/a")).hasContent("first");
    assertThat(perms(out.resolve("root/b/file"))).isEqualTo("rwx------");
    assertThat(out.resolve("root/b/empty")).isEmptyDirectory();
    assertThat(Files.readSymbolicLink(out.resolve("root/b/out")).toString())
        .isEqualTo("/etc/hostname");
  }

  private static String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
