package io.pocketdock.internal.tar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarRoundTripTest {
  private static final Instant MTIME = Instant.parse("2024-05-06T07:08:09Z");

  @Test
  void writeThenRead_mixedEntries_keepsEverything() throws IOException {
    byte[] archive =
        Archives.write(
            w -> {
              w.owner(1000, 1001, "sandbox", "staff").defaultMtime(MTIME);
              w.writeDirectory("app", 0755, MTIME);
              w.writeDirectory("app/empty", 0700, MTIME);
              w.writeFile("app/run.sh", 04755, "#!/bin/sh\n".getBytes(UTF_8));
              w.writeFile("app/zero", 0600, new byte[0]);
              w.writeSymlink("app/link", "run.sh");
            });
    Archives.Read read = Archives.read(archive);

    assertThat(read.names())
        .containsExactly("app", "app/empty", "app/run.sh", "app/zero", "app/link");
    TarEntry script = read.entry("app/run.sh");
    assertThat(script.mode()).isEqualTo(04755);
    assertThat(script.uid()).isEqualTo(1000);
    assertThat(script.gid()).isEqualTo(1001);
    assertThat(script.uname()).isEqualTo("sandbox");
    assertThat(script.gname()).isEqualTo("staff");
    assertThat(script.mtime()).isEqualTo(MTIME);
    assertThat(read.contents())
        .containsEntry("app/run.sh", "#!/bin/sh\n")
        .containsEntry("app/zero", "");
    assertThat(read.entry("app/empty").type()).isEqualTo(TarEntry.Type.DIRECTORY);
    assertThat(read.entry("app/empty").mode()).isEqualTo(0700);
    assertThat(read.entry("app/link").type()).isEqualTo(TarEntry.Type.SYMLINK);
    assertThat(read.entry("app/link").linkName()).isEqualTo("run.sh");
  }

  @ParameterizedTest
  @ValueSource(ints = {99, 100, 101, 155, 156, 255, 256, 1000, 4000})
  void writeThenRead_longNamesAndTargets_roundTrip(int length) throws IOException {
    String name = longPath(length);
    String target = longPath(length + 3);
    byte[] archive =
        Archives.write(
            w -> {
              w.writeFile(name, 0644, name.getBytes(UTF_8));
              w.writeSymlink(name + "-link", target);
              w.writeDirectory(name + "-dir", 0755, MTIME);
            });
    Archives.Read read = Archives.read(archive);

    assertThat(read.names()).containsExactly(name, name + "-link", name + "-dir");
    assertThat(read.contents()).containsEntry(name, name);
    assertThat(read.entry(name + "-link").linkName()).isEqualTo(target);
  }

  @Test
  void writeThenRead_unicodeNamesAndOwners_useUtf8Pax() throws IOException {
    String name = "données/日本語/ファイル-é.txt";
    byte[] archive =
        Archives.write(
            w -> {
              w.owner(3_000_000, 7, "ünïcode-user-with-a-long-name-over-31", "g");
              w.writeFile(name, 0640, "héllo".getBytes(UTF_8));
              w.writeSymlink("lien", "données/日本語");
            });
    Archives.Read read = Archives.read(archive);

    assertThat(read.contents()).containsEntry(name, "héllo");
    assertThat(read.entry(name).uname()).isEqualTo("ünïcode-user-with-a-long-name-over-31");
    assertThat(read.entry(name).uid()).isEqualTo(3_000_000);
    assertThat(read.entry("lien").linkName()).isEqualTo("données/日本語");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 511, 512, 513, 1024, 100_000})
  void writeThenRead_blockBoundarySizes_keepContentAndAlignment(int size) throws IOException {
    byte[] data = new byte[size];
    new java.util.Random(size).nextBytes(data);
    byte[] archive =
        Archives.write(
            w -> {
              w.writeFile("a", 0644, data);
              w.writeFile("b", 0644, "after".getBytes(UTF_8));
            });
    try (TarReader reader = new TarReader(new ByteArrayInputStream(archive))) {
      reader.next();
      assertThat(reader.entryContent().readAllBytes()).isEqualTo(data);
      assertThat(reader.next().name()).isEqualTo("b");
      assertThat(reader.entryContent().readAllBytes()).isEqualTo("after".getBytes(UTF_8));
      assertThat(reader.next()).isNull();
    }
    assertThat(archive.length % 512).isZero();
  }

  @Test
  void next_contentLeftUnread_skipsIt() throws IOException {
    byte[] archive =
        Archives.write(
            w -> {
              w.writeFile("big", 0644, new byte[5000]);
              w.writeFile("small", 0644, "x".getBytes(UTF_8));
            });
    try (TarReader reader = new TarReader(new ByteArrayInputStream(archive))) {
      reader.next();
      assertThat(reader.entryContent().read(new byte[10])).isEqualTo(10);
      assertThat(reader.next().name()).isEqualTo("small");
    }
  }

  @Test
  void writeThenRead_mtimeBefore1970_usesPaxTime() throws IOException {
    Instant old = Instant.parse("1960-01-01T00:00:00Z");
    byte[] archive = Archives.write(w -> w.writeDirectory("d", 0755, old));

    assertThat(Archives.read(archive).entry("d").mtime()).isEqualTo(old);
  }

  @Test
  void writeFile_contentShorterThanSize_failsAndPoisonsWriter() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TarWriter writer = new TarWriter(bytes);

    assertThatThrownBy(
            () -> writer.writeFile("f", 0644, 10, MTIME, new ByteArrayInputStream(new byte[3])))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ended after 3 of 10 bytes");
    assertThatThrownBy(() -> writer.writeFile("g", 0644, new byte[1]))
        .hasMessageContaining("earlier write failed");
  }

  @Test
  void writeFile_threeGibibytes_streamsInConstantMemory() throws Exception {
    long size = 3L << 30;
    Runtime rt = Runtime.getRuntime();
    long[] peak = {0};
    long before = used(rt);
    LoopbackPipe pipe = new LoopbackPipe();
    Thread writerThread =
        new Thread(
            () -> {
              try (TarWriter w = new TarWriter(pipe.output())) {
                w.writeFile("huge", 0644, size, MTIME, new PatternStream(size));
              } catch (IOException e) {
                pipe.fail(e);
              }
            });
    writerThread.start();
    long checksum = 0;
    long count = 0;
    try (TarReader reader = new TarReader(pipe.input())) {
      TarEntry entry = reader.next();
      assertThat(entry.size()).isEqualTo(size);
      byte[] buf = new byte[65536];
      var content = reader.entryContent();
      for (int n = content.read(buf); n > 0; n = content.read(buf)) {
        // Only every 4096th byte is non-zero; check those against the generator's formula.
        for (int i = (int) ((4096 - count % 4096) % 4096); i < n; i += 4096) {
          checksum += buf[i];
          assertThat(buf[i]).isEqualTo(PatternStream.at(count + i));
        }
        count += n;
        if ((count & ((1 << 28) - 1)) == 0) {
          peak[0] = Math.max(peak[0], used(rt) - before);
        }
      }
      assertThat(reader.next()).isNull();
    }
    writerThread.join();
    assertThat(pipe.failure()).isNull();
    assertThat(count).isEqualTo(size);
    assertThat(checksum).isEqualTo(PatternStream.expectedSampleSum(size, 4096));
    assertThat(peak[0]).as("heap growth while streaming").isLessThan(256L << 20);
  }

  private static long used(Runtime rt) {
    return rt.totalMemory() - rt.freeMemory();
  }

  @Test
  void writeThenRead_sizeOver8GiB_usesPaxSizeHeader() throws IOException {
    long size = 9L << 30;
    ByteArrayOutputStream headerOnly = new ByteArrayOutputStream();
    TarWriter writer = new TarWriter(headerOnly);
    // The content stream is cut short on purpose: only the headers are of interest here.
    assertThatThrownBy(
            () -> writer.writeFile("big", 0644, size, MTIME, new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(IOException.class);
    byte[] bytes = headerOnly.toByteArray();
    String paxText = new String(bytes, 512, 512, UTF_8);
    assertThat(paxText).contains("size=" + size);
    try (TarReader reader = new TarReader(new ByteArrayInputStream(bytes))) {
      assertThat(reader.next().size()).isEqualTo(size);
    }
  }

  static String longPath(int length) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (b.length() < length) {
      b.append(b.length() == 0 ? "" : "/").append("segment").append(i++);
    }
    return b.substring(0, length).replaceAll("/$", "x");
  }
}
