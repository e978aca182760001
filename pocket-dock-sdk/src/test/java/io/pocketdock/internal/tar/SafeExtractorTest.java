package io.pocketdock.internal.tar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SafeExtractorTest {
  @TempDir Path tmp;

  private Path dest() {
    return tmp.resolve("dest");
  }

  private void extract(RawArchive archive, ExtractOptions options) throws IOException {
    SafeExtractor.extract(archive.end().reader(), dest(), options);
  }

  static Stream<Arguments> hostileArchives() {
    return Stream.of(
        Arguments.of("absolute name", new RawArchive().file("/etc/evil", "x"), "absolute path"),
        Arguments.of("dot-dot", new RawArchive().file("a/../../evil", "x"), "'..' component"),
        Arguments.of("dot-dot dir", new RawArchive().dir("../up"), "'..' component"),
        Arguments.of(
            "NUL via pax",
            new RawArchive().pax('x', RawArchive.record("path", "a\0b")).file("ignored", "x"),
            "NUL"),
        Arguments.of(
            "file through earlier symlink",
            new RawArchive().dir("d").symlink("d/up", "..").file("d/up/x", "x"),
            "goes through symlink 'd/up' created earlier"),
        Arguments.of(
            "file through earlier symlink, different case",
            new RawArchive().symlink("link", "sub").dir("sub").file("LINK/x", "x"),
            "goes through symlink 'link' created earlier"),
        Arguments.of(
            "absolute symlink",
            new RawArchive().symlink("etc", "/etc"),
            "symlink target '/etc' is absolute"),
        Arguments.of(
            "symlink climbing out",
            new RawArchive().dir("a").symlink("a/out", "../../x"),
            "resolves outside the destination"),
        Arguments.of(
            "symlink with dot-dot after a name",
            new RawArchive().symlink("self", ".").symlink("t", "self/../x"),
            "has '..' after a name"),
        Arguments.of(
            "hard link to outside", new RawArchive().hardlink("h", "/etc/passwd"), "absolute path"),
        Arguments.of(
            "hard link to unknown name",
            new RawArchive().hardlink("h", "missing"),
            "not a regular file extracted earlier"),
        Arguments.of(
            "hard link to symlink",
            new RawArchive().symlink("s", "x").hardlink("h", "s"),
            "not a regular file extracted earlier"),
        Arguments.of(
            "hard link to directory",
            new RawArchive().dir("d").hardlink("h", "d"),
            "not a regular file extracted earlier"),
        Arguments.of("fifo", new RawArchive().add(RawArchive.header("p", '6', 0, "")), "FIFOs"),
        Arguments.of(
            "char device",
            new RawArchive().add(RawArchive.header("null", '3', 0, "")),
            "device nodes"),
        Arguments.of(
            "block device",
            new RawArchive().add(RawArchive.header("sda", '4', 0, "")),
            "device nodes"),
        Arguments.of(
            "unknown type",
            new RawArchive().add(RawArchive.header("vol", 'V', 0, "")),
            "unsupported entry type"),
        Arguments.of(
            "case collision",
            new RawArchive().file("Readme", "1").file("README", "2"),
            "collides with earlier entry 'Readme'"),
        Arguments.of(
            "NFC collision",
            new RawArchive().file("caf\u00e9", "1").file("cafe\u0301", "2"),
            "collides with earlier entry"),
        Arguments.of(
            "exact duplicate",
            new RawArchive().file("same", "1").file("same", "2"),
            "collides with earlier entry 'same'"),
        Arguments.of(
            "file then directory of the same name",
            new RawArchive().file("x", "1").dir("X"),
            "collides"),
        Arguments.of(
            "file as parent",
            new RawArchive().file("f", "1").file("f/child", "2"),
            "parent 'f' is not a directory"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileArchives")
  void extract_hostileArchive_refusesAndLeavesNothing(
      String title, RawArchive archive, String reason) throws IOException {
    Files.createDirectories(dest());
    Files.writeString(dest().resolve("keep.txt"), "mine");

    assertThatThrownBy(() -> extract(archive, ExtractOptions.defaults()))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining(reason);
    try (Stream<Path> left = Files.walk(tmp)) {
      assertThat(left.map(p -> tmp.relativize(p).toString()))
          .containsExactlyInAnyOrder("", "dest", "dest/keep.txt");
    }
  }

  @Test
  void extract_preExistingSymlinkInPath_refuses() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.createDirectories(dest());
    Files.createSymbolicLink(dest().resolve("link"), outside);

    assertThatThrownBy(
            () -> extract(new RawArchive().file("link/x", "x"), ExtractOptions.defaults()))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining("already in the destination");
    assertThatThrownBy(() -> extract(new RawArchive().file("link", "x"), ExtractOptions.defaults()))
        .hasMessageContaining("symlink is already in the destination");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void extract_preExistingHardLinkedFile_replacedNotWrittenThrough() throws IOException {
    Path outside = tmp.resolve("outside.txt");
    Files.writeString(outside, "original");
    Files.createDirectories(dest());
    Files.createLink(dest().resolve("f"), outside);

    extract(new RawArchive().file("f", "new"), ExtractOptions.defaults());

    assertThat(outside).hasContent("original");
    assertThat(dest().resolve("f")).hasContent("new");
  }

  @Test
  void extract_failureMidway_deletesOnlyWhatItCreated() throws IOException {
    Files.createDirectories(dest().resolve("existing"));
    RawArchive archive =
        new RawArchive().dir("new").file("new/a", "1").file("existing/b", "2").file("/abs", "3");

    assertThatThrownBy(() -> extract(archive, ExtractOptions.defaults()))
        .isInstanceOf(UnsafeArchiveException.class);
    assertThat(dest().resolve("existing")).isEmptyDirectory();
    assertThat(dest().resolve("new")).doesNotExist();
  }

  @Test
  void extract_truncatedArchive_rollsBackAndThrowsFormatError() throws IOException {
    byte[] whole = new RawArchive().dir("d").file("d/f", "x".repeat(3000)).end().bytes();
    TarReader reader =
        new TarReader(new java.io.ByteArrayInputStream(java.util.Arrays.copyOf(whole, 2048)));

    assertThatThrownBy(() -> SafeExtractor.extract(reader, dest(), ExtractOptions.defaults()))
        .isInstanceOf(TarFormatException.class);
    assertThat(dest()).doesNotExist();
  }

  @Test
  void extract_validTree_writesFilesLinksAndModes() throws IOException {
    RawArchive archive = new RawArchive().dir("top");
    byte[] exe = RawArchive.header("top/run", '0', 2, "");
    RawArchive.put(exe, 100, "0006755"); // setuid and setgid are dropped
    archive
        .add(RawArchive.seal(exe))
        .data("ok".getBytes(UTF_8))
        .symlink("top/lib/link", "../run")
        .hardlink("top/hard", "top/run")
        .dir("top/empty");
    extract(archive, ExtractOptions.defaults());

    Path top = dest().resolve("top");
    assertThat(top.resolve("run")).hasContent("ok");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(top.resolve("run"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(Files.readSymbolicLink(top.resolve("lib/link")).toString()).isEqualTo("../run");
    assertThat(top.resolve("lib/link")).hasContent("ok");
    assertThat(top.resolve("hard")).hasContent("ok");
    assertThat(top.resolve("empty")).isEmptyDirectory();
  }

  @Test
  void extract_stripFirstComponent_dropsTopDirectory() throws IOException {
    RawArchive archive = new RawArchive().dir("root").file("root/a/b", "1").file("top-file", "2");
    extract(archive, ExtractOptions.defaults().withStripFirstComponent(true));

    assertThat(dest().resolve("a/b")).hasContent("1");
    assertThat(dest().resolve("top-file")).doesNotExist();
    assertThat(dest().resolve("root")).doesNotExist();
  }

  @Test
  void extract_readOnlyDirectory_stillGetsItsChildren() throws IOException {
    byte[] dir = RawArchive.header("ro/", '5', 0, "");
    RawArchive.put(dir, 100, "0000555");
    extract(
        new RawArchive().add(RawArchive.seal(dir)).file("ro/f", "x"), ExtractOptions.defaults());

    assertThat(dest().resolve("ro/f")).hasContent("x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest().resolve("ro"))))
        .isEqualTo("r-xr-xr-x");
    dest().resolve("ro").toFile().setWritable(true); // let @TempDir clean up
  }

  @Test
  void extract_overByteLimit_refuses() {
    RawArchive archive = new RawArchive().file("a", "12345").file("b", "67890");

    assertThatThrownBy(() -> extract(archive, ExtractOptions.defaults().withMaxTotalBytes(8)))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining("'b'")
        .hasMessageContaining("limit of 8 bytes");
    assertThat(dest().resolve("a")).doesNotExist();
  }

  @Test
  void extract_overEntryLimit_refuses() {
    RawArchive archive = new RawArchive().file("a", "1").file("b", "2").file("c", "3");

    assertThatThrownBy(() -> extract(archive, ExtractOptions.defaults().withMaxEntries(2)))
        .hasMessageContaining("more than 2 entries");
  }

  @Test
  void extract_modesNotPreserved_usesDefaults() throws IOException {
    byte[] exe = RawArchive.header("x", '0', 0, "");
    RawArchive.put(exe, 100, "0000700");
    extract(
        new RawArchive().add(RawArchive.seal(exe)),
        ExtractOptions.defaults().withPreserveModes(false));

    assertThat(Files.getPosixFilePermissions(dest().resolve("x")))
        .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.exists(dest().resolve("x"), LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void extract_repeatedDirectoryEntries_merge() throws IOException {
    extract(
        new RawArchive().dir("d").file("d/a", "1").dir("d/").dir("./d"), ExtractOptions.defaults());

    assertThat(dest().resolve("d/a")).hasContent("1");
  }
}
