package io.pocketdock.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pocketdock.internal.frame.Frame;
import io.pocketdock.internal.frame.StreamDemuxer;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The exec/attach de-framer: any byte stream (framed, raw, or garbage) yields frames that never
 * exceed a piece's bound and account for no more bytes than were given, or fails with an
 * IOException (FrameException). Never a RuntimeException, never a hang.
 */
class StreamDemuxerFuzzTest {

  @FuzzTest
  void next_anyStream_boundedFramesOrIoException(byte[] input) {
    long total = 0;
    try (StreamDemuxer frames = new StreamDemuxer(new ByteArrayInputStream(input))) {
      for (Frame f = frames.next(); f != null; f = frames.next()) {
        int n = f.data().length;
        if (n < 0 || n > StreamDemuxer.MAX_PIECE) {
          throw new AssertionError("frame of " + n + " bytes");
        }
        total += n;
        if (total > input.length) {
          throw new AssertionError("more payload than input: " + total + " > " + input.length);
        }
      }
    } catch (IOException expected) {
      // Malformed framing is reported this way.
    }
  }
}
