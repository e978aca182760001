package io.pocketdock.internal.tar;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random mutations of a valid archive must read cleanly or fail with TarFormatException. */
class TarFuzzTest {
  private static final int ROUNDS = 3000;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234, 987654321})
  void read_mutatedArchive_readsOrThrowsTarFormatException(long seed) throws IOException {
    byte[] original = seedArchive();
    Random random = new Random(seed);
    int failures = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] mutated = mutate(original, random);
      try (TarReader reader = new TarReader(new ByteArrayInputStream(mutated))) {
        int entries = 0;
        for (TarEntry e = reader.next(); e != null; e = reader.next()) {
          reader.entryContent().transferTo(java.io.OutputStream.nullOutputStream());
          assertThat(++entries).isLessThan(10_000);
        }
      } catch (TarFormatException expected) {
        failures++;
      }
    }
    assertThat(failures).as("most mutations break something").isGreaterThan(ROUNDS / 10);
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] copy = original.clone();
    int kind = random.nextInt(4);
    int edits = 1 + random.nextInt(8);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(copy.length);
      switch (kind) {
        case 0 -> copy[at] = (byte) random.nextInt(256);
        case 1 -> copy[at] ^= (byte) (1 << random.nextInt(8));
        case 2 -> copy[at] = (byte) "0123456789 \0xgLK5712".charAt(random.nextInt(20));
        default -> {
          return java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
        }
      }
    }
    // Re-seal some headers so mutations get past the checksum and reach the field parsers.
    if (random.nextBoolean()) {
      for (int block = 0; block + 512 <= copy.length; block += 512) {
        if (copy[block + 257] == 'u') {
          byte[] header = java.util.Arrays.copyOfRange(copy, block, block + 512);
          System.arraycopy(RawArchive.seal(header), 0, copy, block, 512);
        }
      }
    }
    return copy;
  }

  private static byte[] seedArchive() throws IOException {
    return Archives.write(
        w -> {
          w.defaultMtime(Instant.ofEpochSecond(1_600_000_000L));
          w.writeDirectory("dir", 0755, Instant.EPOCH);
          w.writeFile("dir/" + "long".repeat(40), 0644, "content".getBytes(UTF_8));
          w.writeFile("dir/ünï", 0600, new byte[700]);
          w.writeSymlink("dir/l", "ünï");
          w.owner(5_000_000, 1, "u", "g");
          w.writeFile("x", 0644, "y".getBytes(UTF_8));
        });
  }
}
