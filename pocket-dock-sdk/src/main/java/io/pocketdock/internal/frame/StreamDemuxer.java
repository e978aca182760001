package io.pocketdock.internal.frame;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Splits exec or attach output into stdout and stderr pieces.
 *
 * <p>Without a TTY the engine usually multiplexes both streams into frames: an 8-byte header {@code
 * [stream][0][0][0][length, uint32 big-endian]} followed by the payload, where stream 0 is stdin, 1
 * stdout and 2 stderr. Some engine versions and endpoints send the raw stream instead. In {@link
 * Mode#AUTO} the first bytes decide: a first byte of 0, 1 or 2 followed by three zero bytes means
 * frames; anything else means the whole stream is raw and reported as stdout. Detection reads no
 * further than it must, so an interactive raw stream that prints one byte and waits is delivered at
 * once.
 *
 * <p>Large frames are delivered in pieces of at most 64 KiB and never allocated at their declared
 * size. Not thread-safe: one thread reads.
 */
public final class StreamDemuxer implements Closeable {

  /** How the demuxer treats its input. */
  public enum Mode {
    /** Decide from the first bytes, as described on {@link StreamDemuxer}. */
    AUTO,
    /** The input is multiplexed frames; do not guess. */
    FRAMED,
    /** The input is one raw stream, e.g. in TTY mode; every byte is stdout. */
    RAW
  }

  /** The largest piece {@link #next()} returns. */
  public static final int MAX_PIECE = 64 * 1024;

  private static final int HEADER = 8;

  private final InputStream in;
  private final byte[] header = new byte[HEADER];
  private Mode mode;
  private StreamKind current = StreamKind.STDOUT;
  private long remaining;
  private byte @Nullable [] rawBuffer;

  /**
   * Creates a demuxer that detects whether the input is framed.
   *
   * @param in the exec or attach output; should be buffered, as detection reads single bytes
   */
  public StreamDemuxer(InputStream in) {
    this(in, Mode.AUTO);
  }

  /**
   * Creates a demuxer with a known framing.
   *
   * @param in the exec or attach output
   * @param mode {@link Mode#RAW} for TTY sessions, {@link Mode#FRAMED} when known multiplexed
   */
  public StreamDemuxer(InputStream in, Mode mode) {
    this.in = Objects.requireNonNull(in, "in");
    this.mode = Objects.requireNonNull(mode, "mode");
  }

  /**
   * Reads the next piece of output, blocking until one is available.
   *
   * @return the next piece, or {@code null} when the stream ended cleanly
   * @throws FrameException if the stream ends inside a frame or a frame header is corrupt
   * @throws IOException if reading fails
   */
  public @Nullable Frame next() throws IOException {
    if (mode == Mode.AUTO) {
      return detect();
    }
    return mode == Mode.RAW ? nextRaw() : nextFramed();
  }

  /**
   * Returns the framing in use: {@link Mode#AUTO} only until the first byte has been read.
   *
   * @return the mode
   */
  public Mode mode() {
    return mode;
  }

  /** Closes the underlying stream. */
  @Override
  public void close() throws IOException {
    in.close();
  }

  private @Nullable Frame detect() throws IOException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    header[0] = (byte) first;
    int read = 1;
    if (first <= 2) {
      while (read < 4) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        header[read++] = (byte) b;
        if (b != 0) {
          break;
        }
      }
      if (read == 4 && header[3] == 0) {
        mode = Mode.FRAMED;
        readHeaderRest(4);
        return nextFramed();
      }
    }
    mode = Mode.RAW;
    // Deliver what detection consumed, plus whatever is ready, without waiting for more.
    int ready = Math.max(0, Math.min(in.available(), MAX_PIECE - read));
    byte[] data = Arrays.copyOf(header, read + ready);
    int got = ready == 0 ? 0 : in.readNBytes(data, read, ready);
    return new Frame(StreamKind.STDOUT, got == ready ? data : Arrays.copyOf(data, read + got));
  }

  private @Nullable Frame nextRaw() throws IOException {
    byte[] buffer = rawBuffer;
    if (buffer == null) {
      buffer = new byte[MAX_PIECE];
      rawBuffer = buffer;
    }
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    return n < 0 ? null : new Frame(StreamKind.STDOUT, Arrays.copyOf(buffer, n));
  }

  private @Nullable Frame nextFramed() throws IOException {
    // Zero-length frames carry nothing; skip them rather than hand out empty pieces.
    while (remaining == 0) {
      int first = in.read();
      if (first < 0) {
        return null;
      }
      header[0] = (byte) first;
      readHeaderRest(1);
    }
    int size = (int) Math.min(remaining, MAX_PIECE);
    byte[] data = new byte[size];
    int got = in.readNBytes(data, 0, size);
    if (got < size) {
      throw new FrameException(
          "stream ended inside a frame: " + (remaining - got) + " of its bytes are missing");
    }
    remaining -= size;
    return new Frame(current, data);
  }

  /** Completes the header whose first {@code have} bytes are read, and starts its frame. */
  private void readHeaderRest(int have) throws IOException {
    if (in.readNBytes(header, have, HEADER - have) < HEADER - have) {
      throw new FrameException("stream ended inside a frame header");
    }
    long length =
        ((header[4] & 0xFFL) << 24)
            | ((header[5] & 0xFFL) << 16)
            | ((header[6] & 0xFFL) << 8)
            | (header[7] & 0xFFL);
    switch (header[0]) {
      case 0, 1 -> current = StreamKind.STDOUT;
      case 2 -> current = StreamKind.STDERR;
      case 3 -> throw engineError(length);
      default ->
          throw new FrameException(
              "corrupt frame header: unknown stream "
                  + (header[0] & 0xFF)
                  + "; the output is not multiplexed or is out of step");
    }
    remaining = length;
  }

  /** Docker sends stream 3 to report an error of its own inside the output, e.g. a failed exec. */
  private FrameException engineError(long length) throws IOException {
    byte[] message = in.readNBytes((int) Math.min(length, MAX_PIECE));
    return new FrameException(
        "the engine reported an error in the output stream: "
            + new String(message, StandardCharsets.UTF_8).strip());
  }
}
