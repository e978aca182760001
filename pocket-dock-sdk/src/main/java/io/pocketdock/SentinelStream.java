package io.pocketdock;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;


/**
 * Splits one output stream of a {@link ShellSession} into a command's own output and everything
 * else, by the markers the session prints around each command (see {@link SessionProtocol}).
 *
 * <p>Bytes before the start marker ({@code __pd_s_<id>\n}) are loose output of earlier {@code
 * send}s or background jobs. Bytes up to the end marker ({@code \n__pd_e_<id>}) are the command's:
 * the newline in front of the end marker is the session's own, so output without a trailing newline
 * comes out exact. On stdout the end marker is followed by {@code " <exit code>\n"}, on stderr by
 * {@code "\n"}. Markers may be split across chunks in any way: a tail that could be the start of a
 * marker is held back until the next chunk decides. The marker id is random per command, so output
 * cannot imitate it. Not thread-safe: one reader feeds it.
 */
final class SentinelStream {
  /** Where the split bytes go. */
  interface Sink {
    /** Output that belongs to no waiting command. */
    void loose(byte[] bytes, int off, int len);

    /** Output of the waiting command. */
    void command(byte[] bytes, int off, int len);
  }

  private enum State {
    IDLE,
    BEFORE_START,
    IN_COMMAND,
    EXIT_CODE,
    DONE
  }

  private final boolean carriesExitCode;
  private final Sink sink;
  private State state = State.IDLE;
  private byte[] start = new byte[0];
  private byte[] end = new byte[0];
  private byte[] held = new byte[0];
  private final StringBuilder exitText = new StringBuilder();
  private int exitCode = -1;

  /**
   * @param carriesExitCode true for stdout, whose end marker is followed by the exit code
   */
  SentinelStream(boolean carriesExitCode, Sink sink) {
    this.carriesExitCode = carriesExitCode;
    this.sink = sink;
  }

  /** Starts waiting for the command with marker id {@code id}. */
  void expect(String id) {
    start = (SessionProtocol.START + id + "\n").getBytes(StandardCharsets.US_ASCII);
    end = ("\n" + SessionProtocol.END + id + (carriesExitCode ? " " : "\n")).getBytes(StandardCharsets.US_ASCII);
    exitText.setLength(0);
    exitCode = -1;
    state = State.BEFORE_START;
  }

  /** Stops waiting (the command was abandoned); what is held back is released as loose output. */
  void reset() {
    if (held.length > 0) {
      if (state == State.IN_COMMAND) {
        sink.command(held, 0, held.length);
      } else {
        sink.loose(held, 0, held.length);
      }
    }
    held = new byte[0];
    state = State.IDLE;
  }

  /** Whether the waited-for command's end marker (and exit code) has been seen. */
  boolean done() {
    return state == State.DONE;
  }

  /** The exit code read after stdout's end marker; -1 before it or on stderr. */
  int exitCode() {
    return exitCode;
  }

  void feed(byte[] data, int off, int len) {
    byte[] buf;
    int pos;
    int limit;
    if (held.length == 0) {
      buf = data;
      pos = off;
      limit = off + len;
    } else {
      buf = Arrays.copyOf(held, held.length + len);
      System.arraycopy(data, off, buf, held.length, len);
      pos = 0;
      limit = buf.length;
      held = new byte[0];
    }
    while (pos < limit) {
      switch (state) {
        case IDLE, DONE -> {
          sink.loose(buf, pos, limit - pos);
          pos = limit;
        }
        case BEFORE_START -> pos = scan(buf, pos, limit, start, true, State.IN_COMMAND);
        case IN_COMMAND -> pos = scan(buf, pos, limit, end, false, carriesExitCode ? State.EXIT_CODE : State.DONE);
        case EXIT_CODE -> pos = exitCode(buf, pos, limit);
      }
    }
  }

  /** Looks for {@code needle}; emits what precedes it, holds back a possible partial match. */
  private int scan(byte[] buf, int pos, int limit, byte[] needle, boolean loose, State next) {
    int at = indexOf(buf, pos, limit, needle);
    if (at >= 0) {
      emit(loose, buf, pos, at - pos);
      state = next;
      return at + needle.length;
    }
    int keep = partialSuffix(buf, pos, limit, needle);
    emit(loose, buf, pos, limit - pos - keep);
    held = Arrays.copyOfRange(buf, limit - keep, limit);
    return limit;
  }

  private int exitCode(byte[] buf, int pos, int limit) {
    while (pos < limit) {
      byte b = buf[pos++];
      if (b == '\n') {
        exitCode = parse(exitText);
        state = State.DONE;
        return pos;
      }
      if (exitText.length() < 8) {
        exitText.append((char) b);
      }
    }
    return pos;
  }

  private static int parse(CharSequence text) {
    try {
      return Integer.parseInt(text.toString().trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void emit(boolean loose, byte[] buf, int off, int len) {
    if (len > 0) {
      if (loose) {
        sink.loose(buf, off, len);
      } else {
        sink.command(buf, off, len);
      }
    }
  }

  static int indexOf(byte[] buf, int from, int limit, byte[] needle) {
    outer:
    for (int i = from; i <= limit - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (buf[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The length of the longest tail of {@code buf[from, limit)} that is a proper prefix of needle. */
  static int partialSuffix(byte[] buf, int from, int limit, byte[] needle) {
    int max = Math.min(needle.length - 1, limit - from);
    for (int k = max; k > 0; k--) {
      if (regionMatches(buf, limit - k, needle, k)) {
        return k;
      }
    }
    return 0;
  }

  private static boolean regionMatches(byte[] buf, int at, byte[] needle, int k) {
    for (int j = 0; j < k; j++) {
      if (buf[at + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "SentinelStream[" + state + "]";
  }

}
