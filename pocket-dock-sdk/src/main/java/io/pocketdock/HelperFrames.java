package io.pocketdock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The frames the native fast-exec helper ({@code src/main/c/pd-exec.c}) reads and writes. Both ways
 * a frame is {@code u32 length | u8 type | u32 run | payload} (big-endian; the length counts what
 * follows it). The SDK sends {@link #run RUN} requests; the helper answers {@code HELLO} once and,
 * per run, {@code STARTED}, {@code OUT}/{@code ERR} pieces and {@code EXIT}, or {@code NOTSTARTED}.
 */
final class HelperFrames {
  static final int RUN = 1;
  static final int HELLO = 0x81;
  static final int STARTED = 0x82;
  static final int OUT = 0x83;
  static final int ERR = 0x84;
  static final int EXIT = 0x85;
  static final int NOT_STARTED = 0x86;

  /** The largest request the helper accepts (its MAX_FRAME); longer runs go another way. */
  static final int MAX_REQUEST = 1 << 20;

  /** The largest response: an output piece of 64 KiB after the type and run id. */
  static final int MAX_RESPONSE = 5 + 64 * 1024;

  /** The largest text response (HELLO, NOTSTARTED). */
  private static final int MAX_TEXT = 1024;

  private HelperFrames() {}

  /** A frame that is not the helper's protocol: the channel cannot be trusted any more. */
  static final class MalformedFrameException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedFrameException(String message) {
      super(message);
    }
  }

  /** One response: its type, run id and payload. */
  @SuppressWarnings("ArrayRecordComponent") // bytes handed over, not copied: see above
  record Response(int type, int run, byte[] payload) {
    /** The payload as text (HELLO's version, NOTSTARTED's reason). */
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** EXIT's status: the exit code, or 128 + n for signal n. */
    int exitStatus() {
      return ((payload[0] & 0xff) << 24)
          | ((payload[1] & 0xff) << 16)
          | ((payload[2] & 0xff) << 8)
          | (payload[3] & 0xff);
    }
  }

  /**
   * The RUN request for run {@code id}, or {@code null} when it is larger than {@link #MAX_REQUEST}
   * or a value holds a NUL character (the helper passes C strings).
   */
  static byte @Nullable [] run(
      int id, @Nullable String workdir, Map<String, String> env, String command) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream(64 + command.length());
    if (!string(payload, workdir == null ? "" : workdir)) {
      return null;
    }
    int32(payload, env.size());
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getKey().isEmpty() || e.getKey().indexOf('=') >= 0) {
        return null;
      }
      if (!string(payload, e.getKey() + "=" + e.getValue()) || payload.size() > MAX_REQUEST) {
        return null;
      }
    }
    if (!string(payload, command) || payload.size() + 5 > MAX_REQUEST) {
      return null;
    }
    ByteArrayOutputStream frame = new ByteArrayOutputStream(9 + payload.size());
    int32(frame, 5 + payload.size());
    frame.write(RUN);
    int32(frame, id);
    frame.writeBytes(payload.toByteArray());
    return frame.toByteArray();
  }

  private static boolean string(ByteArrayOutputStream out, String value) {
    if (value.indexOf('\0') >= 0) {
      return false;
    }
    byte[] b = value.getBytes(StandardCharsets.UTF_8);
    int32(out, b.length);
    out.writeBytes(b);
    return true;
  }

  private static void int32(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  /** Where decoded responses go. */
  @FunctionalInterface
  interface Handler {
    void response(Response response);
  }

  /**
   * Decodes the helper's output, fed in pieces cut anywhere. Not thread-safe: one thread feeds.
   * Bounded: a declared length beyond {@link #MAX_RESPONSE} fails at once, before any allocation.
   */
  static final class Decoder {
    private final byte[] header = new byte[9];
    private int headerFill;
    private byte @Nullable [] payload;
    private int payloadFill;

    /** Feeds {@code len} bytes and hands every frame they complete to {@code handler}. */
    void feed(byte[] data, int off, int len, Handler handler) throws MalformedFrameException {
      int i = off;
      int end = off + len;
      while (i < end) {
        byte[] p = payload;
        if (p == null) {
          int n = Math.min(end - i, header.length - headerFill);
          System.arraycopy(data, i, header, headerFill, n);
          headerFill += n;
          i += n;
          if (headerFill == header.length) {
            p = startPayload();
            if (p.length == 0) {
              emit(handler, p);
            }
          }
        } else {
          int n = Math.min(end - i, p.length - payloadFill);
          System.arraycopy(data, i, p, payloadFill, n);
          payloadFill += n;
          i += n;
          if (payloadFill == p.length) {
            emit(handler, p);
          }
        }
      }
    }

    /** Whether the input so far ended on a frame boundary. */
    boolean atBoundary() {
      return headerFill == 0 && payload == null;
    }

    private byte[] startPayload() throws MalformedFrameException {
      long length = Integer.toUnsignedLong(int32(header, 0));
      int type = header[4] & 0xff;
      if (length < 5 || length > MAX_RESPONSE) {
        throw new MalformedFrameException("helper frame of " + length + " bytes");
      }
      int size = (int) length - 5;
      boolean fits =
          switch (type) {
            case HELLO, NOT_STARTED -> size <= MAX_TEXT;
            case STARTED -> size == 0;
            case OUT, ERR -> true;
            case EXIT -> size == 4;
            default -> throw new MalformedFrameException("unknown helper frame type " + type);
          };
      if (!fits) {
        throw new MalformedFrameException("helper frame type " + type + " with " + size + " bytes");
      }
      byte[] p = new byte[size];
      payload = p;
      payloadFill = 0;
      return p;
    }

    private void emit(Handler handler, byte[] p) {
      Response r = new Response(header[4] & 0xff, int32(header, 5), p);
      headerFill = 0;
      payload = null;
      payloadFill = 0;
      handler.response(r);
    }

    private static int int32(byte[] b, int at) {
      return ((b[at] & 0xff) << 24)
          | ((b[at + 1] & 0xff) << 16)
          | ((b[at + 2] & 0xff) << 8)
          | (b[at + 3] & 0xff);
    }
  }
}
