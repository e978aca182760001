package io.pocketdock.cli.terminal;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * Progress of long work on stderr. On a terminal, one line redrawn in place (a bar and a
 * percentage when the total is known, bytes and rate when not), at most ten times a second; when
 * piped, only a start line and the summary, so logs stay readable. Nothing is shown before the
 * first update, so work that fails at once leaves only its one error line. Thread-safe.
 */
public final class Progress {
  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final PrintWriter err;
  private final boolean live;
  private final String label;
  private final long total;
  private final long start = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  private Progress(PrintWriter err, boolean live, String label, long total) {
    this.err = err;
    this.live = live;
    this.label = label;
    this.total = total;
  }

  /**
   * Starts showing progress.
   *
   * @param live whether to draw a live line (on a terminal)
   * @param total the total in bytes, or a negative number when unknown
   */
  public static Progress start(PrintWriter err, boolean live, String label, long total) {
    return new Progress(err, live, label, total);
  }

  /** Reports {@code done} bytes so far. */
  public synchronized void update(long done) {
    if (!live) {
      if (!drawn) {
        drawn = true;
        err.println(label + "...");
        err.flush();
      }
      return;
    }
    long now = System.nanoTime();
    if (drawn && now - lastDraw < REDRAW_NANOS && (total < 0 || done < total)) {
      return;
    }
    lastDraw = now;
    drawn = true;
    err.print("\r\u001b[K" + line(done, now - start));
    err.flush();
  }

  /** Ends the progress display with a summary line. */
  public synchronized void done(String summary) {
    if (live && drawn) {
      err.print("\r\u001b[K");
    }
    err.println(summary);
    err.flush();
  }

  /** The live line, e.g. {@code export [#######.....] 58% 120.0 MiB / 207.0 MiB}. */
  String line(long done, long elapsedNanos) {
    StringBuilder b = new StringBuilder(label).append(' ');
    if (total > 0) {
      double f = Math.min(1.0, (double) done / total);
      int filled = (int) Math.round(f * WIDTH);
      b.append('[')
          .append("#".repeat(filled))
          .append(".".repeat(WIDTH - filled))
          .append("] ")
          .append((int) Math.floor(f * 100))
          .append("% ")
          .append(HumanFormat.bytes(done))
          .append(" / ")
          .append(HumanFormat.bytes(total));
    } else {
      b.append(HumanFormat.bytes(done));
      double seconds = elapsedNanos / 1e9;
      if (seconds > 0.2) {
        b.append(" (").append(HumanFormat.bytes((long) (done / seconds))).append("/s)");
      }
    }
    return b.toString();
  }
}
