package io.pocketdock.cli.command;

import io.pocketdock.TerminalOptions;
import io.pocketdock.TerminalSession;
import io.pocketdock.cli.CliException;
import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.RawTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock shell}: an interactive shell on a real TTY in a sandbox. */
@Command(
    name = "shell",
    description =
        "Opens an interactive login shell (bash, else sh) in a sandbox on a real TTY, over the"
            + " engine socket: raw keys (Ctrl-C interrupts the command inside, Ctrl-D or `exit`"
            + " leaves), window-size changes forwarded, and pocket-dock exits with the shell's exit"
            + " code. Needs a terminal; use `run` from scripts.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock shell box1", "  pocket-dock shell \"$(pocket-dock create --profile dev)\""})
public final class ShellCommand extends DockCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER", description = "Name or id of the sandbox.")
  @Nullable String container;

  /** Used by picocli. */
  public ShellCommand() {}

  @Override
  public Integer call() throws IOException {
    String name = Objects.requireNonNull(container);
    if (!terminal().interactive()) {
      throw new CliException(
          "shell needs a terminal, and this process has none", "run commands with: pocket-dock run " + name + " -- COMMAND");
    }
    try (Dock dock = root().connect()) {
      var box = dock.attach(name);
      out().flush();
      err().flush();
      try (RawTerminal tty = RawTerminal.open()) {
        String term = System.getenv().getOrDefault("TERM", "xterm-256color");
        TerminalOptions options =
            TerminalOptions.defaults().withSize(tty.columns(), tty.rows()).withEnv(Map.of("TERM", term));
        try (TerminalSession session = box.terminal(options)) {
          tty.onResize(() -> session.resize(tty.columns(), tty.rows()));
          Thread keys = new Thread(() -> pump(tty.input(), session.input()), "pocket-dock-keys");
          keys.setDaemon(true);
          keys.start();
          copy(session.output(), tty.output());
          return session.waitFor();
        }
      }
    }
  }

  /** Keys to the container until either side closes. */
  private static void pump(InputStream keys, OutputStream shell) {
    byte[] buf = new byte[1024];
    try {
      for (int n = keys.read(buf); n >= 0; n = keys.read(buf)) {
        if (n > 0) {
          shell.write(buf, 0, n);
          shell.flush();
        }
      }
    } catch (IOException | RuntimeException closed) {
      // The shell ended (its connection closed) or the terminal went away: nothing more to send.
    }
  }

  /** The screen: everything the shell writes, flushed as it comes, until it exits. */
  private static void copy(InputStream from, OutputStream to) throws IOException {
    byte[] buf = new byte[8192];
    try {
      for (int n = from.read(buf); n >= 0; n = from.read(buf)) {
        to.write(buf, 0, n);
        to.flush();
      }
    } catch (IOException endOfStream) {
      // The engine closes the upgraded connection when the shell exits; waitFor gives the code.
    }
  }
}
