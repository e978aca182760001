package io.pocketdock.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Utf8CursorTest {

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  @Test
  void append_characterSplitAcrossPieces_isDeliveredWhole() {
    byte[] all = "a€b".getBytes(StandardCharsets.UTF_8);
    Utf8Cursor cursor = new Utf8Cursor();
    assertThat(cursor.append(b64(Arrays.copyOfRange(all, 0, 2)))).isEqualTo("a");
    assertThat(cursor.offset()).isEqualTo(2);
    assertThat(cursor.append(b64(Arrays.copyOfRange(all, 2, all.length)))).isEqualTo("€b");
    assertThat(cursor.offset()).isEqualTo(all.length);
  }

  @Test
  void append_emptyPiece_returnsNothing() {
    assertThat(new Utf8Cursor().append("")).isEmpty();
  }
}
