package io.pocketdock.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pocketdock.internal.tar.TarEntry;
import io.pocketdock.internal.tar.TarReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The tar reader: any bytes yield a bounded sequence of entries whose contents read to their
 * end, or fail with an IOException (TarFormatException). Never a RuntimeException, never a hang.
 */
class TarReaderFuzzTest {

  @FuzzTest
  void next_anyArchive_entriesOrIoException(byte[] input) {
    try (TarReader reader = new TarReader(new ByteArrayInputStream(input))) {
      int entries = 0;
      for (TarEntry e = reader.next(); e != null; e = reader.next()) {
        reader.entryContent().transferTo(OutputStream.nullOutputStream());
        if (++entries > input.length / 512 + 1) {
          throw new AssertionError("more entries than 512-byte blocks: " + entries);
        }
      }
    } catch (IOException expected) {
      // Malformed archives are reported this way.
    }
  }
}
