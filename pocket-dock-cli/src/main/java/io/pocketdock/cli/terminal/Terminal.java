package io.pocketdock.cli.terminal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the CLI knows about where it runs: whether a person is at a terminal (so it may ask
 * questions and draw tables) and whether to colour output. Colours are off when output is piped
 * or when {@code NO_COLOR} is set to anything non-empty (see no-color.org).
 */
public final class Terminal {
  private final boolean interactive;
  private final Colors colors;
  private final Supplier<BufferedReader> input;
  private @Nullable BufferedReader reader;

  private Terminal(boolean interactive, boolean colors, Supplier<BufferedReader> input) {
    this.interactive = interactive;
    this.colors = Colors.of(colors);
    this.input = input;
  }

  /** Detects the terminal of this process from {@link System#console()} and the environment. */
  public static Terminal detect() {
    boolean tty = isTerminal(System.console());
    Charset charset = Charset.defaultCharset();
    return of(
        tty,
        System.getenv(),
        () -> new BufferedReader(new InputStreamReader(System.in, charset)));
  }

  /**
   * A terminal as given: interactive or not, colours decided from {@code env} as {@link #detect()}
   * does, answers to prompts read from {@code input}.
   */
  public static Terminal of(
      boolean interactive, Map<String, String> env, Supplier<BufferedReader> input) {
    String noColor = env.get("NO_COLOR");
    String term = env.getOrDefault("TERM", "");
    boolean colors =
        interactive
            && (noColor == null || noColor.isEmpty())
            && !"dumb".equals(term.toLowerCase(Locale.ROOT));
    return new Terminal(interactive, colors, input);
  }

  /** No terminal: not interactive, no colours, no input (as when run from a script). */
  public static Terminal none() {
    return new Terminal(false, false, () -> new BufferedReader(java.io.Reader.nullReader()));
  }

  /** Whether a person is at a terminal: standard input and output are both a TTY. */
  public boolean interactive() {
    return interactive;
  }

  /** Colours for this terminal (no-ops when off). */
  public Colors colors() {
    return colors;
  }

  /**
   * Asks a yes/no question on {@code err} and reads the answer; only {@code y} or {@code yes}
   * (any case) count as yes. Never call this when not {@link #interactive()}.
   */
  public boolean confirm(PrintWriter err, String question) {
    if (!interactive) {
      throw new IllegalStateException("cannot ask without a terminal");
    }
    err.print(question + " [y/N] ");
    err.flush();
    try {
      if (reader == null) {
        reader = input.get();
      }
      String answer = reader.readLine();
      if (answer == null) {
        err.println();
        return false;
      }
      String a = answer.trim().toLowerCase(Locale.ROOT);
      return a.equals("y") || a.equals("yes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads standard input to its end, e.g. a code snippet piped in. */
  public String readAll() {
    try {
      if (reader == null) {
        reader = input.get();
      }
      StringBuilder b = new StringBuilder();
      char[] buf = new char[8192];
      for (int n = reader.read(buf); n >= 0; n = reader.read(buf)) {
        b.append(buf, 0, n);
      }
      return b.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * On Java 22+ a console exists even when redirected, and {@code Console.isTerminal()} tells; it
   * is called reflectively because the CLI compiles for Java 17, where a console means a TTY.
   */
  static boolean isTerminal(@Nullable Console console) {
    if (console == null) {
      return false;
    }
    try {
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(console);
    } catch (NoSuchMethodException beforeJava22) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
