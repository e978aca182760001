package io.pocketdock.internal.frame;

import static io.pocketdock.internal.frame.FrameStreams.concat;
import static io.pocketdock.internal.frame.FrameStreams.drain;
import static io.pocketdock.internal.frame.FrameStreams.frame;
import static io.pocketdock.internal.frame.FrameStreams.header;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamDemuxerTest {

  private static StreamDemuxer demuxer(byte[] bytes) {
    return new StreamDemuxer(new ByteArrayInputStream(bytes));
  }

  @Test
  void next_framedInput_returnsFramesInOrder() throws IOException {
    StreamDemuxer demuxer = demuxer(concat(frame(1, "out"), frame(2, "err"), frame(1, "more")));

    assertThat(demuxer.next()).isEqualTo(new Frame(StreamKind.STDOUT, "out".getBytes(UTF_8)));
    assertThat(demuxer.mode()).isEqualTo(StreamDemuxer.Mode.FRAMED);
    assertThat(demuxer.next()).isEqualTo(new Frame(StreamKind.STDERR, "err".getBytes(UTF_8)));
    assertThat(demuxer.next()).isEqualTo(new Frame(StreamKind.STDOUT, "more".getBytes(UTF_8)));
    assertThat(demuxer.next()).isNull();
    assertThat(demuxer.next()).isNull();
  }

  @Test
  void next_stdinFrame_countsAsStdout() throws IOException {
    assertThat(demuxer(frame(0, "echo")).next())
        .isEqualTo(new Frame(StreamKind.STDOUT, "echo".getBytes(UTF_8)));
  }

  @Test
  void next_zeroLengthFrames_areSkipped() throws IOException {
    StreamDemuxer demuxer =
        demuxer(concat(frame(1, ""), frame(2, ""), frame(2, "x"), frame(1, "")));

    assertThat(demuxer.next()).isEqualTo(new Frame(StreamKind.STDERR, new byte[] {'x'}));
    assertThat(demuxer.next()).isNull();
  }

  @Test
  void next_emptyInput_returnsNull() throws IOException {
    assertThat(demuxer(new byte[0]).next()).isNull();
    assertThat(
            new StreamDemuxer(new ByteArrayInputStream(new byte[0]), StreamDemuxer.Mode.FRAMED)
                .next())
        .isNull();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void next_framesSplitAcrossOneByteReads_reassemble(long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    byte[] input = new byte[0];
    for (int i = 0; i < 50; i++) {
      String text = "chunk-" + i + "-" + "\u00e9\u4e2d".repeat(random.nextInt(5));
      boolean isErr = random.nextBoolean();
      (isErr ? err : out).append(text);
      input = concat(input, frame(isErr ? 2 : 1, text));
    }

    byte[][] result = drain(new StreamDemuxer(FrameStreams.trickle(input)));

    assertThat(new String(result[0], UTF_8)).isEqualTo(out.toString());
    assertThat(new String(result[1], UTF_8)).isEqualTo(err.toString());
  }

  @Test
  void next_rawText_isStdout() throws IOException {
    StreamDemuxer demuxer = demuxer("hello world\n".getBytes(UTF_8));

    byte[][] result = drain(demuxer);

    assertThat(demuxer.mode()).isEqualTo(StreamDemuxer.Mode.RAW);
    assertThat(new String(result[0], UTF_8)).isEqualTo("hello world\n");
    assertThat(result[1]).isEmpty();
  }

  @Test
  void next_rawFirstByte_doesNotWaitForMoreBytes() throws IOException {
    StreamDemuxer demuxer = new StreamDemuxer(FrameStreams.thenBlock(new byte[] {'$'}));

    assertThat(demuxer.next()).isEqualTo(new Frame(StreamKind.STDOUT, new byte[] {'$'}));
  }

  @Test
  void next_rawFirstByte_includesBytesAlreadyAvailable() throws IOException {
    StreamDemuxer demuxer = new StreamDemuxer(FrameStreams.thenBlock("$ ls\n".getBytes(UTF_8)));

    assertThat(demuxer.next()).isEqualTo(new Frame(StreamKind.STDOUT, "$ ls\n".getBytes(UTF_8)));
  }

  @Test
  void next_frameLikeStartThenNonZero_stopsAtTheDecidingByte() throws IOException {
    StreamDemuxer demuxer = new StreamDemuxer(FrameStreams.thenBlock(new byte[] {1, 0, 'x'}));

    assertThat(demuxer.next()).isEqualTo(new Frame(StreamKind.STDOUT, new byte[] {1, 0, 'x'}));
    assertThat(demuxer.mode()).isEqualTo(StreamDemuxer.Mode.RAW);
  }

  @Test
  void next_frameLikeStartThenEof_isRawStdout() throws IOException {
    StreamDemuxer demuxer = demuxer(new byte[] {2, 0});

    assertThat(demuxer.next()).isEqualTo(new Frame(StreamKind.STDOUT, new byte[] {2, 0}));
    assertThat(demuxer.next()).isNull();
  }

  @Test
  void next_forcedRaw_keepsFrameHeadersAsData() throws IOException {
    byte[] framed = frame(1, "x");
    StreamDemuxer demuxer =
        new StreamDemuxer(new ByteArrayInputStream(framed), StreamDemuxer.Mode.RAW);

    assertThat(drain(demuxer)[0]).isEqualTo(framed);
  }

  @Test
  void next_forcedFramedOnRawInput_throwsFrameException() {
    StreamDemuxer demuxer =
        new StreamDemuxer(
            new ByteArrayInputStream("hello, world".getBytes(UTF_8)), StreamDemuxer.Mode.FRAMED);

    assertThatThrownBy(demuxer::next)
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("unknown stream 104");
  }

  @Test
  void next_eofInsideHeader_throwsFrameException() throws IOException {
    StreamDemuxer demuxer = demuxer(concat(frame(1, "ok"), new byte[] {1, 0, 0, 0, 0}));

    assertThat(demuxer.next()).isNotNull();
    assertThatThrownBy(demuxer::next)
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("header");
  }

  @Test
  void next_eofInsidePayload_throwsFrameException() {
    StreamDemuxer demuxer = demuxer(concat(header(2, 10), "abc".getBytes(UTF_8)));

    assertThatThrownBy(demuxer::next)
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("stream ended inside a frame");
  }

  @Test
  void next_eofInsideFirstHeaderAfterDetection_throwsFrameException() {
    assertThatThrownBy(demuxer(new byte[] {1, 0, 0, 0, 0, 0})::next)
        .isInstanceOf(FrameException.class);
  }

  @Test
  void next_engineErrorStream_throwsWithMessage() throws IOException {
    StreamDemuxer demuxer =
        demuxer(concat(frame(1, "ok"), frame(3, "exec failed: no such file\n")));

    assertThat(demuxer.next()).isNotNull();
    assertThatThrownBy(demuxer::next)
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("exec failed: no such file");
  }

  @Test
  void next_firstByteThree_isRawBecauseOnlyStreams0To2StartFrames() throws IOException {
    StreamDemuxer demuxer = demuxer(frame(3, "x"));

    assertThat(demuxer.next().stream()).isEqualTo(StreamKind.STDOUT);
    assertThat(demuxer.mode()).isEqualTo(StreamDemuxer.Mode.RAW);
  }

  @Test
  void next_bigFrame_arrivesInPiecesOfAtMost64KiB() throws IOException {
    byte[] payload = new byte[200_000];
    new Random(5).nextBytes(payload);
    StreamDemuxer demuxer = demuxer(concat(frame(2, payload), frame(1, "end")));

    int[] sizes = new int[4];
    byte[] joined = new byte[0];
    for (int i = 0; i < 4; i++) {
      Frame piece = demuxer.next();
      assertThat(piece).isNotNull();
      assertThat(piece.stream()).isEqualTo(StreamKind.STDERR);
      sizes[i] = piece.data().length;
      joined = concat(joined, piece.data());
    }

    assertThat(sizes).containsExactly(65536, 65536, 65536, 200_000 - 3 * 65536);
    assertThat(joined).isEqualTo(payload);
    assertThat(demuxer.next()).isEqualTo(new Frame(StreamKind.STDOUT, "end".getBytes(UTF_8)));
  }

  @Test
  void next_hugeDeclaredLength_streamsWithoutAllocatingIt() throws IOException {
    long declared = 0xFFFF_FFFFL;
    int sent = 3 * StreamDemuxer.MAX_PIECE + 10;
    InputStream in =
        new InputStream() {
          private final byte[] head = header(1, declared);
          private long pos;

          @Override
          public int read() {
            if (pos >= head.length + sent) {
              return -1;
            }
            return pos < head.length ? head[(int) pos++] & 0xFF : (int) (pos++ & 0x7F);
          }
        };
    StreamDemuxer demuxer = new StreamDemuxer(in);

    for (int i = 0; i < 3; i++) {
      assertThat(demuxer.next().data()).hasSize(StreamDemuxer.MAX_PIECE);
    }
    assertThatThrownBy(demuxer::next)
        .isInstanceOf(FrameException.class)
        .hasMessageContaining(String.valueOf(declared - 3 * StreamDemuxer.MAX_PIECE - 10));
  }

  @Test
  void close_closesUnderlyingStream() throws IOException {
    boolean[] closed = new boolean[1];
    InputStream in =
        new ByteArrayInputStream(new byte[0]) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    new StreamDemuxer(in).close();

    assertThat(closed[0]).isTrue();
  }

  @Test
  void frame_equalityAndToString_useContent() {
    Frame a = new Frame(StreamKind.STDOUT, new byte[] {1, 2});

    assertThat(a).isEqualTo(new Frame(StreamKind.STDOUT, new byte[] {1, 2}));
    assertThat(a).hasSameHashCodeAs(new Frame(StreamKind.STDOUT, new byte[] {1, 2}));
    assertThat(a).isNotEqualTo(new Frame(StreamKind.STDERR, new byte[] {1, 2}));
    assertThat(a.toString()).isEqualTo("Frame[STDOUT, 2 bytes]");
    assertThat(Arrays.equals(a.data(), new byte[] {1, 2})).isTrue();
  }
}
