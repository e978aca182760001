package io.pocketdock;

import java.nio.charset.StandardCharsets;

/**
 * Splits one output stream of the fast-exec helper into the command's bytes and the helper's
 * markers. A marker is the run's random marker text (which starts with a byte that appears nowhere
 * else in it) followed by {@code S} (the command is starting), {@code R<code>;} (it exited with that
 * code) or {@code E} (all its output has been copied; the run is over on this stream).
 *
 * <p>Bytes go to the sink without copying; only a partial marker at a chunk's end is held back, and
 * given back as output if it turns out not to be one.
 */
final class MarkerScanner {
  /** Where output and markers go. */
  interface Sink {
    void output(byte[] bytes, int off, int len);

    /** {@code kind} is {@code 'S'}, {@code 'R'} (with the exit code) or {@code 'E'}. */
    void marker(char kind, int code);
  }

  private final byte[] marker;
  private final Sink sink;
  private int matched; // bytes of the marker seen so far
  private boolean inTail; // the marker text is complete; reading its kind
  private boolean inCode; // reading the digits of R<code>;
  private int code;
  private boolean ended;

  MarkerScanner(String marker, Sink sink) {
    this.marker = marker.getBytes(StandardCharsets.UTF_8);
    for (int i = 1; i < this.marker.length; i++) {
      if (this.marker[i] == this.marker[0]) {
        throw new IllegalArgumentException("the marker's first byte must not repeat");
      }
    }
    this.sink = sink;
  }

  /** Whether {@code E} has been seen: nothing more belongs to this run. */
  boolean ended() {
    return ended;
  }

  void feed(byte[] data, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end && !ended) {
      if (inCode) {
        byte b = data[i++];
        if (b >= '0' && b <= '9' && code < 100_000) {
          code = code * 10 + (b - '0');
        } else {
          inCode = false; // ';' ends the code (anything else is malformed: take what we have)
          sink.marker('R', code);
        }
      } else if (inTail) {
        byte b = data[i++];
        inTail = false;
        if (b == 'R') {
          inCode = true;
          code = 0;
        } else if (b == 'E') {
          ended = true;
          sink.marker('E', 0);
        } else if (b == 'S') {
          sink.marker('S', 0);
        } else {
          // Not one of ours after all: give the text back as output and re-read this byte.
          sink.output(marker, 0, marker.length);
          i--;
        }
      } else if (matched == 0) {
        int start = i;
        while (i < end && data[i] != marker[0]) {
          i++;
        }
        if (i > start) {
          sink.output(data, start, i - start);
        }
        if (i < end) {
          matched = 1;
          i++;
          inTail = matched == marker.length;
          matched = inTail ? 0 : matched;
        }
      } else if (data[i] == marker[matched]) {
        i++;
        if (++matched == marker.length) {
          matched = 0;
          inTail = true;
        }
      } else {
        // The held bytes were a marker prefix but not a marker; they cannot hide another start.
        sink.output(marker, 0, matched);
        matched = 0;
      }
    }
  }
}
