package io.pocketdock.cli;

import io.pocketdock.cli.terminal.Terminal;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Runs {@code pocket-dock}: the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  /** Parses the arguments, runs the command, and exits with its exit code. */
  public static void main(String[] args) {
    // The SDK's workers as platform threads: a virtual thread's socket I/O leaves the JDK's poller
    // thread in native code, and System.exit would wait 300 ms for it after every command.
    System.setProperty("pocketdock.virtualThreads", "false");
    // UTF-8 whatever the locale: container output is UTF-8 and is passed through as such.
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    int code =
        PocketDockCommand.commandLine(
                new PocketDockCommand(Terminal.detect(), SdkDock::connect), out, err, args)
            .execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
