package io.pocketdock.cli.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;
import org.jline.terminal.TerminalBuilder;

/**
 * This process's terminal in raw mode, through JLine: every key goes through as a byte (Ctrl-C is
 * byte 3, not a signal to this JVM), nothing is echoed or translated, and window-size changes
 * (SIGWINCH) are reported. {@link #close()} restores the terminal as it was. Uses JLine's exec
 * provider ({@code stty}), which needs no native code.
 */
public final class RawTerminal implements AutoCloseable {
  private final org.jline.terminal.Terminal terminal;
  private final Attributes saved;

  private RawTerminal(org.jline.terminal.Terminal terminal, Attributes saved) {
    this.terminal = terminal;
    this.saved = saved;
  }

  /**
   * Puts the terminal into raw mode.
   *
   * @throws IllegalStateException when this process has no terminal
   */
  public static RawTerminal open() {
    org.jline.terminal.Terminal t;
    try {
      // A handler other than SIG_DFL makes JLine route native signals to handle(); the keys that
      // would raise INT, QUIT or TSTP reach the container as bytes anyway, since ISIG is off.
      t =
          TerminalBuilder.builder()
              .system(true)
              .provider("exec")
              .dumb(false)
              .nativeSignals(true)
              .signalHandler(org.jline.terminal.Terminal.SignalHandler.SIG_IGN)
              .build();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("no terminal: " + e.getMessage(), e);
    }
    Attributes saved = t.getAttributes();
    t.setAttributes(raw(saved));
    return new RawTerminal(t, saved);
  }

  /** What cfmakeraw(3) does: no echo, no line editing, no signals, no CR/NL translation. */
  static Attributes raw(Attributes from) {
    Attributes a = new Attributes(from);
    a.setInputFlags(
        EnumSet.of(
            InputFlag.IGNBRK, InputFlag.BRKINT, InputFlag.PARMRK, InputFlag.ISTRIP,
            InputFlag.INLCR, InputFlag.IGNCR, InputFlag.ICRNL, InputFlag.IXON),
        false);
    a.setOutputFlag(OutputFlag.OPOST, false);
    a.setLocalFlags(
        EnumSet.of(LocalFlag.ECHO, LocalFlag.ECHONL, LocalFlag.ICANON, LocalFlag.ISIG, LocalFlag.IEXTEN),
        false);
    a.setControlChar(ControlChar.VMIN, 1);
    a.setControlChar(ControlChar.VTIME, 0);
    return a;
  }

  /** Columns, at least 1 (80 when the terminal does not say). */
  public int columns() {
    int w = terminal.getWidth();
    return w > 0 ? w : 80;
  }

  /** Rows, at least 1 (24 when the terminal does not say). */
  public int rows() {
    int h = terminal.getHeight();
    return h > 0 ? h : 24;
  }

  /** Calls {@code listener} on each window-size change. */
  public void onResize(Runnable listener) {
    terminal.handle(org.jline.terminal.Terminal.Signal.WINCH, s -> listener.run());
  }

  /** The keyboard, raw bytes. */
  public InputStream input() {
    return terminal.input();
  }

  /** The screen, raw bytes. */
  public OutputStream output() {
    return terminal.output();
  }

  /** Restores the terminal's settings. */
  @Override
  public void close() {
    try {
      terminal.setAttributes(saved);
      terminal.flush();
      terminal.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
