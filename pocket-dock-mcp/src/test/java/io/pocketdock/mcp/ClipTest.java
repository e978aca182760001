package io.pocketdock.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClipTest {

  @Test
  void of_shortText_isUntouched() {
    assertThat(Clip.of("hello", 10)).isEqualTo(new Clip.Clipped("hello", false));
  }

  @Test
  void of_longText_keepsHeadAndTailAndCountsOmittedBytes() {
    String text = "HEAD" + "x".repeat(1000) + "TAIL";
    Clip.Clipped c = Clip.of(text, 100);
    assertThat(c.cut()).isTrue();
    assertThat(c.text()).startsWith("HEAD").endsWith("TAIL").contains("[... 908 bytes omitted ...]");
  }

  @Test
  void of_multiByteCharactersAtTheCut_areNeverSplit() {
    String text = "é".repeat(500);
    Clip.Clipped c = Clip.of(text, 101);
    String kept = c.text().replaceAll("\n\\[\\.\\.\\. \\d+ bytes omitted \\.\\.\\.\\]\n", "");
    assertThat(kept).matches("é+");
    assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(101);
  }
}
