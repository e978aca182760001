package io.pocketdock.internal.frame;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RingBufferTest {

  private static void write(RingBuffer ring, StreamKind stream, String text) {
    byte[] bytes = text.getBytes(UTF_8);
    ring.write(stream, bytes, 0, bytes.length);
  }

  @Test
  void peek_keepsContentAndRead_drainsIt() {
    RingBuffer ring = new RingBuffer(64);
    write(ring, StreamKind.STDOUT, "out");
    ring.write(new Frame(StreamKind.STDERR, "err".getBytes(UTF_8)));

    assertThat(ring.peek()).isEqualTo(new RingBuffer.Output("out", "err"));
    assertThat(ring.size()).isEqualTo(6);
    assertThat(ring.read()).isEqualTo(new RingBuffer.Output("out", "err"));
    assertThat(ring.read()).isEqualTo(new RingBuffer.Output("", ""));
    assertThat(ring.size()).isZero();
    assertThat(ring.overflowed()).isFalse();
  }

  @Test
  void write_beyondCapacity_keepsLatestBytesPerStream() {
    RingBuffer ring = new RingBuffer(8);
    write(ring, StreamKind.STDOUT, "0123456789");
    write(ring, StreamKind.STDERR, "ab");
    write(ring, StreamKind.STDOUT, "xy");

    assertThat(ring.peek()).isEqualTo(new RingBuffer.Output("456789xy", "ab"));
    assertThat(ring.overflowed()).isTrue();
    assertThat(ring.size()).isEqualTo(10);
  }

  @Test
  void write_wrapsAroundAfterDrain() {
    RingBuffer ring = new RingBuffer(8);
    write(ring, StreamKind.STDOUT, "abcdef");
    assertThat(ring.read().stdout()).isEqualTo("abcdef");
    write(ring, StreamKind.STDOUT, "ghijkl");

    assertThat(ring.peek().stdout()).isEqualTo("ghijkl");
    assertThat(ring.overflowed()).isFalse();
  }

  @Test
  void eviction_throughMultiByteCharacter_dropsItsRest() {
    RingBuffer ring = new RingBuffer(6);
    write(ring, StreamKind.STDOUT, "\u20ac\u20ac"); // 3 + 3 bytes
    write(ring, StreamKind.STDOUT, "a"); // evicts the first euro's lead byte

    assertThat(ring.peek().stdout()).isEqualTo("\u20aca");
    assertThat(ring.size()).isEqualTo(4);
  }

  @Test
  void write_incompleteTrailingCharacter_isHeldBackUntilComplete() {
    RingBuffer ring = new RingBuffer(64);
    byte[] emoji = "\ud83d\ude00".getBytes(UTF_8);
    write(ring, StreamKind.STDERR, "x");
    ring.write(StreamKind.STDERR, emoji, 0, 2);

    assertThat(ring.read().stderr()).isEqualTo("x");
    assertThat(ring.size()).isEqualTo(2);
    ring.write(StreamKind.STDERR, emoji, 2, 2);
    assertThat(ring.read().stderr()).isEqualTo("\ud83d\ude00");
  }

  @Test
  void eviction_ofHeldBackLeadByte_dropsLaterContinuationBytes() {
    RingBuffer ring = new RingBuffer(4);
    byte[] emoji = "\ud83d\ude00".getBytes(UTF_8);
    write(ring, StreamKind.STDOUT, "abc");
    ring.write(StreamKind.STDOUT, emoji, 0, 1);
    write(ring, StreamKind.STDOUT, "d"); // evicts 'a'
    write(ring, StreamKind.STDOUT, "efgh"); // evicts everything, including the lead byte

    assertThat(ring.peek().stdout()).isEqualTo("efgh");
  }

  @Test
  void write_largerThanCapacity_keepsItsTail() {
    RingBuffer ring = new RingBuffer(5);
    write(ring, StreamKind.STDOUT, "ab\u20accdefg"); // the euro's bytes straddle the cut

    assertThat(ring.peek().stdout()).isEqualTo("cdefg");
    assertThat(ring.overflowed()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomText_withEviction_snapshotIsCleanSuffix(long seed) {
    Random random = new Random(seed);
    int capacity = 4 + random.nextInt(60);
    RingBuffer ring = new RingBuffer(capacity);
    String text = randomText(random, 500);
    byte[] bytes = text.getBytes(UTF_8);
    for (int pos = 0; pos < bytes.length; ) {
      int len = Math.min(bytes.length - pos, random.nextInt(capacity + 8));
      ring.write(StreamKind.STDOUT, bytes, pos, len);
      pos += len;
      String snapshot = ring.peek().stdout();
      assertThat(snapshot).doesNotContain("\ufffd");
      assertThat(text).contains(snapshot);
    }

    String last = ring.peek().stdout();
    assertThat(text).endsWith(last);
    assertThat(last.getBytes(UTF_8).length).isBetween(Math.max(0, capacity - 3), capacity);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void randomText_withoutEviction_readsReassembleExactly(long seed) {
    Random random = new Random(seed);
    RingBuffer ring = new RingBuffer(1 << 16);
    String out = randomText(random, 2000);
    String err = randomText(random, 2000);
    byte[] outBytes = out.getBytes(UTF_8);
    byte[] errBytes = err.getBytes(UTF_8);
    StringBuilder gotOut = new StringBuilder();
    StringBuilder gotErr = new StringBuilder();
    int o = 0;
    int e = 0;
    while (o < outBytes.length || e < errBytes.length) {
      int n = Math.min(outBytes.length - o, random.nextInt(7));
      ring.write(StreamKind.STDOUT, outBytes, o, n);
      o += n;
      int m = Math.min(errBytes.length - e, random.nextInt(7));
      ring.write(StreamKind.STDERR, errBytes, e, m);
      e += m;
      if (random.nextInt(4) == 0) {
        RingBuffer.Output read = ring.read();
        gotOut.append(read.stdout());
        gotErr.append(read.stderr());
      }
    }
    RingBuffer.Output rest = ring.read();

    assertThat(gotOut.append(rest.stdout()).toString()).isEqualTo(out);
    assertThat(gotErr.append(rest.stderr()).toString()).isEqualTo(err);
    assertThat(ring.overflowed()).isFalse();
  }

  @Test
  void concurrentWriterAndReader_loseNothingWithinCapacity() throws InterruptedException {
    RingBuffer ring = new RingBuffer();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      expected.append("line ").append(i).append(" \u00e9\u4e2d\n");
    }
    byte[] bytes = expected.toString().getBytes(UTF_8);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              for (int pos = 0; pos < bytes.length; pos += 7) {
                ring.write(StreamKind.STDOUT, bytes, pos, Math.min(7, bytes.length - pos));
              }
            });
    writer.setUncaughtExceptionHandler((t, ex) -> failure.set(ex));
    StringBuilder got = new StringBuilder();

    writer.start();
    while (writer.isAlive()) {
      got.append(ring.read().stdout());
    }
    writer.join();
    got.append(ring.read().stdout());

    assertThat(failure.get()).isNull();
    assertThat(got.toString()).isEqualTo(expected.toString());
  }

  @Test
  void constructor_tinyCapacity_throws() {
    assertThatThrownBy(() -> new RingBuffer(3)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new RingBuffer().capacity()).isEqualTo(RingBuffer.DEFAULT_CAPACITY);
  }

  /** Random text of 1- to 4-byte UTF-8 characters. */
  static String randomText(Random random, int chars) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < chars; i++) {
      switch (random.nextInt(4)) {
        case 0 -> out.append((char) ('a' + random.nextInt(26)));
        case 1 -> out.appendCodePoint(0x80 + random.nextInt(0x780));
        case 2 -> out.appendCodePoint(0x800 + random.nextInt(0xD000 - 0x800));
        default -> out.appendCodePoint(0x10000 + random.nextInt(0x100000));
      }
    }
    return out.toString();
  }
}
