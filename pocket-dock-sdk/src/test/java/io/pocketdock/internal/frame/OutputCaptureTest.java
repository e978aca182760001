package io.pocketdock.internal.frame;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputCaptureTest {

  private static void write(OutputCapture capture, StreamKind stream, String text) {
    byte[] bytes = text.getBytes(UTF_8);
    capture.write(stream, bytes, 0, bytes.length);
  }

  @Test
  void write_underBudget_keepsEverything() {
    OutputCapture capture = new OutputCapture(100);
    write(capture, StreamKind.STDOUT, "out\u00e9 ");
    capture.write(new Frame(StreamKind.STDERR, "err".getBytes(UTF_8)));
    write(capture, StreamKind.STDOUT, "more");

    assertThat(capture.stdout()).isEqualTo("out\u00e9 more");
    assertThat(capture.stderr()).isEqualTo("err");
    assertThat(capture.truncated()).isFalse();
    assertThat(capture.totalBytes()).isEqualTo(13);
  }

  @Test
  void write_overBudget_sharesBudgetAndCountsDiscarded() {
    OutputCapture capture = new OutputCapture(10);
    write(capture, StreamKind.STDOUT, "123456");
    write(capture, StreamKind.STDERR, "abcdef");
    write(capture, StreamKind.STDOUT, "zzz");

    assertThat(capture.stdout()).isEqualTo("123456");
    assertThat(capture.stderr()).isEqualTo("abcd");
    assertThat(capture.truncated()).isTrue();
    assertThat(capture.totalBytes()).isEqualTo(15);
  }

  @Test
  void write_exactlyBudget_isNotTruncated() {
    OutputCapture capture = new OutputCapture(3);
    write(capture, StreamKind.STDOUT, "abc");

    assertThat(capture.truncated()).isFalse();
    write(capture, StreamKind.STDOUT, "");
    assertThat(capture.truncated()).isFalse();
  }

  @Test
  void stdout_characterCutByBudget_isDropped() {
    OutputCapture capture = new OutputCapture(5);
    write(capture, StreamKind.STDOUT, "ab\ud83d\ude00c"); // 2 + 4 + 1 bytes; the emoji is cut

    assertThat(capture.stdout()).isEqualTo("ab");
    assertThat(capture.stdout()).doesNotContain("\ufffd");
  }

  @Test
  void stderr_characterSplitAcrossWritesAndCut_isDropped() {
    OutputCapture capture = new OutputCapture(4);
    byte[] euro = "\u20ac".getBytes(UTF_8);
    write(capture, StreamKind.STDERR, "ab");
    capture.write(StreamKind.STDERR, euro, 0, 1);
    write(capture, StreamKind.STDOUT, "x");
    capture.write(StreamKind.STDERR, euro, 1, 2); // dropped: budget spent

    assertThat(capture.stderr()).isEqualTo("ab");
    assertThat(capture.stdout()).isEqualTo("x");
  }

  @Test
  void stdout_invalidUtf8FromProgram_isReplacedNotDropped() {
    OutputCapture capture = new OutputCapture(100);
    capture.write(StreamKind.STDOUT, new byte[] {'a', (byte) 0xE2, (byte) 0x82}, 0, 3);

    assertThat(capture.stdout()).isEqualTo("a\ufffd");
  }

  @Test
  void zeroBudget_storesNothing() {
    OutputCapture capture = new OutputCapture(0);
    write(capture, StreamKind.STDOUT, "abc");

    assertThat(capture.stdout()).isEmpty();
    assertThat(capture.truncated()).isTrue();
    assertThat(capture.totalBytes()).isEqualTo(3);
  }

  @Test
  void defaultBudget_is10MiB() {
    OutputCapture capture = new OutputCapture();
    byte[] mib = new byte[1024 * 1024];
    for (int i = 0; i < 11; i++) {
      capture.write(StreamKind.STDOUT, mib, 0, mib.length);
    }

    assertThat(capture.truncated()).isTrue();
    assertThat(capture.stdout()).hasSize((int) OutputCapture.DEFAULT_MAX_BYTES);
    assertThat(capture.totalBytes()).isEqualTo(11L * mib.length);
  }

  @Test
  void constructor_invalidBudget_throws() {
    assertThatThrownBy(() -> new OutputCapture(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OutputCapture(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void write_badRange_throws() {
    OutputCapture capture = new OutputCapture();

    assertThatThrownBy(() -> capture.write(StreamKind.STDOUT, new byte[2], 1, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
