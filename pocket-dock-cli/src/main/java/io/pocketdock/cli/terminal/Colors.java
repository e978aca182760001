package io.pocketdock.cli.terminal;

/**
 * ANSI styling that is a no-op when colours are off (output piped, {@code NO_COLOR} set, or not a
 * terminal), so callers never branch on it.
 */
public final class Colors {
  private static final Colors ON = new Colors(true);
  private static final Colors OFF = new Colors(false);

  private final boolean enabled;

  private Colors(boolean enabled) {
    this.enabled = enabled;
  }

  /** Colours on or off. */
  public static Colors of(boolean enabled) {
    return enabled ? ON : OFF;
  }

  /** Whether escapes are written. */
  public boolean enabled() {
    return enabled;
  }

  /** Bold text. */
  public String bold(String s) {
    return wrap("1", s);
  }

  /** Red text, for errors. */
  public String red(String s) {
    return wrap("31", s);
  }

  /** Yellow text, for hints and warnings. */
  public String yellow(String s) {
    return wrap("33", s);
  }

  /** Green text, for success. */
  public String green(String s) {
    return wrap("32", s);
  }

  /** Dim text, for secondary detail. */
  public String dim(String s) {
    return wrap("2", s);
  }

  private String wrap(String code, String s) {
    return enabled ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
