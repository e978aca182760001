package io.pocketdock.internal.frame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds multiplexed test input and awkward input streams. */
final class FrameStreams {

  private FrameStreams() {}

  static byte[] frame(int stream, String text) {
    return frame(stream, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] frame(int stream, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header(stream, payload.length));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  static byte[] header(int stream, long length) {
    return new byte[] {
      (byte) stream,
      0,
      0,
      0,
      (byte) (length >>> 24),
      (byte) (length >>> 16),
      (byte) (length >>> 8),
      (byte) length
    };
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Returns one byte per read call, like a slow socket. */
  static InputStream trickle(byte[] data) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() {
        return pos < data.length ? data[pos++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (len == 0) {
          return 0;
        }
        int c = read();
        if (c < 0) {
          return -1;
        }
        b[off] = (byte) c;
        return 1;
      }
    };
  }

  /**
   * Serves {@code data} and then fails any further read, standing in for a peer that has sent
   * everything it will send for now: a read that would block is a test failure.
   */
  static InputStream thenBlock(byte[] data) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() {
        if (pos >= data.length) {
          throw new UncheckedIOException(new IOException("read would block"));
        }
        return data[pos++] & 0xFF;
      }

      @Override
      public int available() {
        return data.length - pos;
      }
    };
  }

  /** Drains a demuxer, returning {stdout, stderr} bytes. */
  static byte[][] drain(StreamDemuxer demuxer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    for (Frame f = demuxer.next(); f != null; f = demuxer.next()) {
      (f.stream() == StreamKind.STDERR ? err : out).writeBytes(f.data());
    }
    return new byte[][] {out.toByteArray(), err.toByteArray()};
  }
}
