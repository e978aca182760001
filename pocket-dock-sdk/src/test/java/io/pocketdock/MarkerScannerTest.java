package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerScannerTest {
  private static final String M = "\u001epdabc123";

  /** Collects what a scanner emits. */
  private static final class Collected implements MarkerScanner.Sink {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final List<String> markers = new ArrayList<>();

    @Override
    public void output(byte[] bytes, int off, int len) {
      out.write(bytes, off, len);
    }

    @Override
    public void marker(char kind, int code) {
      markers.add(kind == 'R' ? "R" + code : String.valueOf(kind));
    }

    String text() {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static Collected scanInPieces(String stream, int piece) {
    Collected c = new Collected();
    MarkerScanner s = new MarkerScanner(M, c);
    byte[] b = stream.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length && !s.ended(); i += piece) {
      s.feed(b, i, Math.min(piece, b.length - i));
    }
    return c;
  }

  @Test
  void feed_anySplit_separatesOutputFromMarkers() {
    String stream = M + "Shello\n" + M + "R42;late" + M + "E";
    for (int piece = 1; piece <= stream.length(); piece++) {
      Collected c = scanInPieces(stream, piece);
      assertThat(c.text()).as("piece %d", piece).isEqualTo("hello\nlate");
      assertThat(c.markers).as("piece %d", piece).containsExactly("S", "R42", "E");
    }
  }

  @Test
  void feed_markerPrefixInOutput_isGivenBackAsOutput() {
    String partial = M.substring(0, 5);
    String stream = M + "S" + partial + "x\u001e\u001e" + M.substring(0, 3) + M + "R0;" + M + "E";
    for (int piece = 1; piece <= 7; piece++) {
      Collected c = scanInPieces(stream, piece);
      assertThat(c.text()).isEqualTo(partial + "x\u001e\u001e" + M.substring(0, 3));
      assertThat(c.markers).containsExactly("S", "R0", "E");
    }
  }

  @Test
  void feed_markerTextWithUnknownKind_isOutput() {
    Collected c = scanInPieces(M + "S" + M + "Zrest" + M + "E", 3);
    assertThat(c.text()).isEqualTo(M + "Zrest");
    assertThat(c.markers).containsExactly("S", "E");
  }

  @Test
  void feed_afterEnd_ignoresTheRest() {
    Collected c = new Collected();
    MarkerScanner s = new MarkerScanner(M, c);
    byte[] b = ("out" + M + "Etrailing").getBytes(StandardCharsets.UTF_8);
    s.feed(b, 0, b.length);
    assertThat(s.ended()).isTrue();
    assertThat(c.text()).isEqualTo("out");
  }

  @Test
  void construct_markerRepeatingItsFirstByte_isRefused() {
    assertThatThrownBy(() -> new MarkerScanner("ab\u0061", new Collected()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
