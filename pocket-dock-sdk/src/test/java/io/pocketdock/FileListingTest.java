package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileListingTest {

  @Test
  void parse_oddNamesAndLinks_pairsStatLinesWithNames() {
    String out =
        "a b\0\0" + "new\nline\0\0" + "ln\0target dir/x\0" + "\0"
            + "81a4 5 1700000000 a b\n"
            + "41ed 4096 1700000001 new\nline\n"
            + "a1ff 12 1700000002 ln\n";
    List<FileEntry> entries = FileListing.parse(out);
    assertThat(entries).containsExactly(
        new FileEntry("a b", FileEntry.Type.FILE, 5, 0644, null, Instant.ofEpochSecond(1700000000)),
        new FileEntry("new\nline", FileEntry.Type.DIRECTORY, 4096, 0755, null, Instant.ofEpochSecond(1700000001)),
        new FileEntry("ln", FileEntry.Type.SYMLINK, 12, 0777, "target dir/x", Instant.ofEpochSecond(1700000002)));
  }

  @Test
  void parse_entryVanishedBeforeStat_skipped() {
    String out = "gone\0\0kept\0\0\0" + "11b6 0 5 kept\n";
    assertThat(FileListing.parse(out)).extracting(FileEntry::name, FileEntry::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("kept", FileEntry.Type.OTHER));
  }

  @Test
  void parse_emptyDirectory_noEntries() {
    assertThat(FileListing.parse("\0")).isEmpty();
  }

  @Test
  void parse_truncated_rejected() {
    assertThatThrownBy(() -> FileListing.parse("name")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FileListing.parse("name\0tar")).isInstanceOf(IllegalArgumentException.class);
  }
}
