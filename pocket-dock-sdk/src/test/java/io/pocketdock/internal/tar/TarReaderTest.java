package io.pocketdock.internal.tar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TarReaderTest {

  @Test
  void next_ustarPrefixField_joinsPrefixAndName() throws IOException {
    byte[] h = RawArchive.header("file.txt", '0', 0, "");
    RawArchive.put(h, 345, "some/deep/prefix");
    Archives.Read read = Archives.read(new RawArchive().add(RawArchive.seal(h)).end().bytes());

    assertThat(read.names()).containsExactly("some/deep/prefix/file.txt");
  }

  @Test
  void next_oldGnuHeader_ignoresPrefixBytesAndReadsLongNames() throws IOException {
    String longName = "d/".repeat(80) + "file";
    String longTarget = "t/".repeat(70) + "target";
    byte[] file = RawArchive.header("short", '0', 2, "");
    RawArchive.put(file, 257, "ustar  \0");
    RawArchive.put(file, 345, "atime-garbage"); // old GNU keeps atime/ctime here, not a prefix
    RawArchive archive =
        new RawArchive()
            .extension('L', (longName + "\0").getBytes(UTF_8))
            .add(RawArchive.seal(file))
            .data("hi".getBytes(UTF_8))
            .extension('K', (longTarget + "\0").getBytes(UTF_8))
            .symlink("s", "short-target")
            .end();
    Archives.Read read = Archives.read(archive.bytes());

    assertThat(read.names()).containsExactly(longName, "s");
    assertThat(read.contents()).containsEntry(longName, "hi");
    assertThat(read.entry("s").linkName()).isEqualTo(longTarget);
  }

  @Test
  void next_v7Header_readsTrailingSlashAsDirectory() throws IOException {
    byte[] dir = RawArchive.header("olddir/", '\0', 0, "");
    Arrays.fill(dir, 257, 512, (byte) 0); // no magic, no owner names, no prefix
    byte[] file = RawArchive.header("olddir/f", '\0', 1, "");
    Arrays.fill(file, 257, 512, (byte) 0);
    Archives.Read read =
        Archives.read(
            new RawArchive()
                .add(RawArchive.seal(dir))
                .add(RawArchive.seal(file))
                .data(new byte[] {'z'})
                .end()
                .bytes());

    assertThat(read.entry("olddir").type()).isEqualTo(TarEntry.Type.DIRECTORY);
    assertThat(read.entry("olddir/f").uname()).isEmpty();
    assertThat(read.contents()).containsEntry("olddir/f", "z");
  }

  @Test
  void next_paxGlobalAndLocalRecords_applyInOrder() throws IOException {
    RawArchive archive =
        new RawArchive()
            .pax('g', RawArchive.record("uname", "global") + RawArchive.record("gid", "77"))
            .file("a", "1")
            .pax(
                'x',
                RawArchive.record("path", "renamed/ü")
                    + RawArchive.record("uname", "local")
                    + RawArchive.record("mtime", "1700000000.25")
                    + RawArchive.record("uid", "4000000000"))
            .file("b", "2")
            .pax('x', RawArchive.record("uname", "")) // an empty value cancels the global one
            .file("c", "3")
            .end();
    Archives.Read read = Archives.read(archive.bytes());

    assertThat(read.names()).containsExactly("a", "renamed/ü", "c");
    assertThat(read.entry("a").uname()).isEqualTo("global");
    assertThat(read.entry("a").gid()).isEqualTo(77);
    TarEntry b = read.entry("renamed/ü");
    assertThat(b.uname()).isEqualTo("local");
    assertThat(b.uid()).isEqualTo(4_000_000_000L);
    assertThat(b.mtime()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));
    assertThat(read.entry("c").uname()).isEqualTo("user");
  }

  @Test
  void next_base256Fields_decodesBigValues() throws IOException {
    byte[] h = RawArchive.header("f", '0', 0, "");
    Arrays.fill(h, 108, 116, (byte) 0);
    h[108] = (byte) 0x80;
    h[115] = 0x10; // uid 16 in base-256
    Arrays.fill(h, 124, 136, (byte) 0);
    h[124] = (byte) 0x80;
    h[135] = 3;
    Arrays.fill(h, 136, 148, (byte) 0xff); // mtime -1
    Archives.Read read =
        Archives.read(
            new RawArchive().add(RawArchive.seal(h)).data("abc".getBytes(UTF_8)).end().bytes());

    assertThat(read.entry("f").uid()).isEqualTo(16);
    assertThat(read.contents()).containsEntry("f", "abc");
    assertThat(read.entry("f").mtime()).isEqualTo(Instant.ofEpochSecond(-1));
  }

  @Test
  void next_hardLinkAndDevices_typedAndWithoutContent() throws IOException {
    RawArchive archive =
        new RawArchive()
            .file("f", "x")
            .hardlink("h", "f")
            .add(RawArchive.header("fifo", '6', 0, ""))
            .add(RawArchive.header("chr", '3', 0, ""))
            .end();
    Archives.Read read = Archives.read(archive.bytes());

    assertThat(read.entry("h").type()).isEqualTo(TarEntry.Type.HARDLINK);
    assertThat(read.entry("h").linkName()).isEqualTo("f");
    assertThat(read.entry("fifo").type()).isEqualTo(TarEntry.Type.FIFO);
    assertThat(read.entry("chr").type()).isEqualTo(TarEntry.Type.CHAR_DEVICE);
  }

  @Test
  void next_oneZeroBlockThenEof_endsCleanly() throws IOException {
    byte[] bytes = new RawArchive().file("a", "1").add(new byte[512]).bytes();

    assertThat(Archives.read(bytes).names()).containsExactly("a");
  }

  @Test
  void next_badChecksum_throwsWithNameAndOffset() {
    byte[] h = RawArchive.header("victim", '0', 0, "");
    h[0] = 'V';
    byte[] bytes = new RawArchive().file("first", "1").add(h).end().bytes();

    assertThatThrownBy(() -> Archives.read(bytes))
        .isInstanceOf(TarFormatException.class)
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining("Victim")
        .hasMessageContaining("offset 1024");
  }

  @Test
  void next_noEndBlocks_throws() {
    byte[] bytes = new RawArchive().file("a", "1").bytes();

    assertThatThrownBy(() -> Archives.read(bytes))
        .isInstanceOf(TarFormatException.class)
        .hasMessageContaining("end-of-archive");
  }

  @Test
  void next_truncatedContent_throws() {
    byte[] whole = new RawArchive().file("a", "x".repeat(2000)).end().bytes();
    byte[] cut = Arrays.copyOf(whole, 1200);

    assertThatThrownBy(() -> Archives.read(cut))
        .isInstanceOf(TarFormatException.class)
        .hasMessageContaining("truncated inside entry content")
        .hasMessageContaining("'a'");
  }

  @Test
  void next_truncatedHeader_throws() {
    byte[] whole = new RawArchive().file("a", "1").file("b", "2").end().bytes();

    assertThatThrownBy(() -> Archives.read(Arrays.copyOf(whole, 1024 + 100)))
        .isInstanceOf(TarFormatException.class)
        .hasMessageContaining("truncated header");
  }

  @Test
  void next_loneZeroBlockBeforeData_throws() {
    byte[] bytes = new RawArchive().add(new byte[512]).file("a", "1").end().bytes();

    assertThatThrownBy(() -> Archives.read(bytes)).hasMessageContaining("lone zero block");
  }

  @Test
  void next_oversizedExtensionRecord_refusedBeforeAllocating() {
    byte[] h = RawArchive.header("././@LongLink", 'x', 0, "");
    RawArchive.put(h, 124, String.format("%011o", 1L << 33));
    byte[] bytes = new RawArchive().add(RawArchive.seal(h)).bytes();

    assertThatThrownBy(() -> Archives.read(bytes))
        .isInstanceOf(TarFormatException.class)
        .hasMessageContaining("exceed");
  }

  @Test
  void next_manySmallExtensionsAddingUp_refused() {
    RawArchive archive = new RawArchive();
    byte[] chunk = new byte[600_000];
    Arrays.fill(chunk, (byte) 'a');
    archive.extension('L', chunk).extension('L', chunk).file("a", "1").end();

    assertThatThrownBy(() -> Archives.read(archive.bytes())).hasMessageContaining("exceed");
  }

  @Test
  void next_malformedPaxRecords_throw() {
    for (String bad :
        new String[] {
          "5 a=b\n", "99 path=x\n", "x path=y\n", "8 =abc\n", "7 path\n", "9 size=z\n"
        }) {
      byte[] bytes = new RawArchive().pax('x', bad).file("a", "1").end().bytes();
      assertThatThrownBy(() -> Archives.read(bytes)).as(bad).isInstanceOf(TarFormatException.class);
    }
  }

  @Test
  void next_extensionWithoutEntry_throws() {
    byte[] bytes = new RawArchive().pax('x', RawArchive.record("path", "p")).end().bytes();

    assertThatThrownBy(() -> Archives.read(bytes)).hasMessageContaining("no entry after it");
  }

  @Test
  void next_badOctalDigit_throws() {
    byte[] h = RawArchive.header("f", '0', 0, "");
    h[100] = '9';
    byte[] bytes = new RawArchive().add(RawArchive.seal(h)).end().bytes();

    assertThatThrownBy(() -> Archives.read(bytes)).hasMessageContaining("bad octal digit in mode");
  }

  @Test
  void next_signedChecksumFromOldWriters_accepted() throws IOException {
    byte[] h = RawArchive.header("é", '0', 0, ""); // bytes >= 0x80 sum differently when signed
    long signed = 0;
    for (int i = 0; i < 512; i++) {
      signed += i >= 148 && i < 156 ? ' ' : h[i];
    }
    RawArchive.put(h, 148, String.format("%06o", signed));

    assertThat(Archives.read(new RawArchive().add(h).end().bytes()).names()).containsExactly("é");
  }

  @Test
  void entryContent_beforeNext_throwsIllegalState() {
    TarReader reader = new TarReader(new ByteArrayInputStream(new byte[0]));

    assertThatThrownBy(reader::entryContent).isInstanceOf(IllegalStateException.class);
  }
}
