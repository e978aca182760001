package io.pocketdock.internal.image;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/** Byte copying with progress, shared by import, export and the base import. */
final class Transfers {
  /** Progress is reported at most once per this many bytes (and at the end). */
  static final long REPORT_EVERY = 1 << 20;

  private Transfers() {}

  /** Copies everything, reporting the running total; stops when the thread is interrupted. */
  static long copy(InputStream in, OutputStream out, LongConsumer progress) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    long reported = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      out.write(buffer, 0, n);
      total += n;
      if (total - reported >= REPORT_EVERY) {
        reported = total;
        progress.accept(total);
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("cancelled after " + total + " bytes");
      }
    }
    progress.accept(total);
    return total;
  }

  /** A view of {@code out} whose close only flushes (the transport owns the real stream). */
  static OutputStream nonClosing(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }
}
