package io.pocketdock.internal.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

  @Test
  void decode_asciiPiece_returnsItWhole() {
    TextDecoder d = new TextDecoder();
    assertThat(d.decode(bytes("hello"))).isEqualTo("hello");
    assertThat(d.finish()).isEmpty();
  }

  @Test
  void decode_characterSplitAcrossPieces_holdsBackUntilComplete() {
    byte[] euro = bytes("a€b"); // € is 3 bytes: E2 82 AC
    TextDecoder d = new TextDecoder();
    assertThat(d.decode(Arrays.copyOfRange(euro, 0, 2))).isEqualTo("a");
    assertThat(d.decode(Arrays.copyOfRange(euro, 2, 3))).isEmpty();
    assertThat(d.decode(Arrays.copyOfRange(euro, 3, 5))).isEqualTo("€b");
  }

  @Test
  void decode_everySplitOfMixedText_reassemblesExactly() {
    String text = "x😀y€zé\n";
    byte[] all = bytes(text);
    for (int cut = 0; cut <= all.length; cut++) {
      TextDecoder d = new TextDecoder();
      String first = d.decode(Arrays.copyOfRange(all, 0, cut));
      String second = d.decode(Arrays.copyOfRange(all, cut, all.length));
      assertThat(first).doesNotContain("\uFFFD");
      assertThat(first + second + d.finish()).isEqualTo(text);
    }
  }

  @Test
  void finish_unfinishedCharacter_becomesReplacementCharacter() {
    TextDecoder d = new TextDecoder();
    assertThat(d.decode(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).isEqualTo("a");
    assertThat(d.finish()).isEqualTo("\uFFFD");
    assertThat(d.finish()).isEmpty();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
