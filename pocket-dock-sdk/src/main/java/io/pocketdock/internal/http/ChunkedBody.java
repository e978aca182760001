package io.pocketdock.internal.http;

import java.io.Closeable;
import java.io.IOException;

/** A body in chunked transfer coding; chunk extensions and trailer fields are read and ignored. */
final class ChunkedBody extends BodyStream {

  /** A chunk-size line longer than this is hostile: the size itself needs at most 16 digits. */
  private static final int MAX_SIZE_LINE = 4096;

  /** More hex digits than this could overflow a {@code long}. */
  private static final int MAX_SIZE_DIGITS = 15;

  private long chunkLeft;
  private boolean first = true;
  private boolean done;

  ChunkedBody(ConnectionInput in, Runnable onEnd, Closeable response) {
    super(in, onEnd, response);
  }

  @Override
  int readBody(byte[] target, int off, int len) throws IOException {
    if (done) {
      return -1;
    }
    if (chunkLeft == 0) {
      if (!first) {
        expectLineEnd();
      }
      first = false;
      chunkLeft = readChunkSize();
      if (chunkLeft == 0) {
        ResponseHead.readFields(in, ResponseHead.MAX_HEAD_BYTES, "trailer");
        done = true;
        return -1;
      }
    }
    int n = in.read(target, off, (int) Math.min(len, chunkLeft));
    if (n < 0) {
      throw new HttpProtocolException("connection closed inside a chunk of the body");
    }
    chunkLeft -= n;
    return n;
  }

  @Override
  int bufferedBody() {
    return (int) Math.min(in.buffered(), chunkLeft);
  }

  private void expectLineEnd() throws IOException {
    int c = in.read();
    if (c == '\r') {
      c = in.read();
    }
    if (c < 0) {
      throw new HttpProtocolException("connection closed inside the chunked body");
    }
    if (c != '\n') {
      throw new HttpProtocolException("chunk data not followed by CRLF: the chunk size was wrong");
    }
  }

  private long readChunkSize() throws IOException {
    String line = in.readLine(MAX_SIZE_LINE, "chunk size");
    if (line == null) {
      throw new HttpProtocolException("connection closed inside the chunked body");
    }
    int digits = 0;
    long size = 0;
    while (digits < line.length()
        && Character.digit(line.charAt(digits), 16) >= 0
        && line.charAt(digits) < 0x80) {
      size = size * 16 + Character.digit(line.charAt(digits), 16);
      digits++;
    }
    int rest = digits;
    while (rest < line.length() && (line.charAt(rest) == ' ' || line.charAt(rest) == '\t')) {
      rest++;
    }
    boolean valid =
        digits > 0
            && digits <= MAX_SIZE_DIGITS
            && (rest == line.length() || line.charAt(rest) == ';');
    if (!valid) {
      throw new HttpProtocolException("invalid chunk size line " + ResponseHead.printable(line));
    }
    return size;
  }
}
