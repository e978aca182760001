package io.pocketdock.examples;

import io.pocketdock.BackgroundProcess;
import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.ExecStream;
import io.pocketdock.Language;
import io.pocketdock.PocketDock;
import io.pocketdock.StreamChunk;
import java.time.Duration;

/** Streaming, a background process with callbacks, and a Python snippet, on one sandbox. */
public final class ExecModesExample {
  private ExecModesExample() {}

  /** Runs each mode once and prints what it saw. */
  public static void main(String[] args) throws InterruptedException {
    try (PocketDock dock = PocketDock.connect();
        Container box = dock.create()) {
      // Streaming: lines arrive a second apart, not all at the end.
      try (ExecStream s = box.stream("for i in 1 2 3; do echo tick $i; sleep 1; done")) {
        for (StreamChunk c : s) {
          System.out.print("stream " + c.stream() + ": " + c.data());
        }
        System.out.println("stream exit " + s.result().exitCode());
      }

      // Detached, with callbacks on the container (called on the process's reader thread).
      box.onStdout(e -> System.out.print("callback " + e.processId().substring(0, 8) + ": " + e.data()));
      box.onExit(e -> System.out.println("callback exit " + e.result().exitCode()));
      BackgroundProcess worker =
          box.runDetached(
              "trap 'echo stopping; exit 0' TERM; while true; do echo working; sleep 0.5; done",
              ExecOptions.defaults().withBufferSize(64 * 1024));
      Thread.sleep(1200);
      System.out.print("peek: " + worker.peek().stdout());
      worker.kill(); // SIGTERM to the whole process tree
      ExecResult end = worker.waitFor(Duration.ofSeconds(10)).orElseThrow();
      System.out.println("detached exit " + end.exitCode() + ", overflowed " + worker.bufferOverflowed());

      // A snippet: quotes, $ and backslashes need no escaping for a shell.
      String code =
          """
          import sys
          print('it\\'s "quoted", costs $5 and a \\\\ backslash')
          print(sys.version_info >= (3, 0))
          """;
      System.out.print(box.run(code, Language.PYTHON).stdout());
    }
  }
}
