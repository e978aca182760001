package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code pocket-dock shell} on a real pseudo-terminal: util-linux {@code script} gives the CLI a
 * TTY, and keys are typed into it through a pipe, with pauses so each lands after the shell is
 * ready. Proves raw mode (Ctrl-C reaches the container as a key instead of killing the CLI),
 * window-size forwarding, and the exit code.
 */
class CliShellIT {

  @EngineTest
  void shell_onATty_rawKeysResizeAndExitCode(TestEngine engine) throws Exception {
    String name = CliProcess.create(engine, null);
    java.nio.file.Path flag = CliProcess.tempDir("pd-cli-shell").resolve("resize");
    try {
      String cli = String.join(" ", CliProcess.command(engine, "shell", name));
      // When the test creates the flag file, a background stty changes the pty's size while the
      // shell runs, and the kernel sends SIGWINCH to the CLI.
      String resize = "(while [ ! -e " + flag + " ]; do sleep 0.1; done; stty cols 120 rows 40 < /dev/tty) &";
      String inner = "stty cols 100 rows 30; sh -c '" + resize + " exec " + cli + "'";
      Process p = new ProcessBuilder("script", "-qfec", inner, "/dev/null").redirectErrorStream(true).start();
      ByteArrayOutputStream screen = new ByteArrayOutputStream();
      CompletableFuture<Void> reader =
          CompletableFuture.runAsync(
              () -> {
                try {
                  p.getInputStream().transferTo(screen);
                } catch (IOException e) {
                  // the process ended
                }
              });
      try (OutputStream keys = p.getOutputStream()) {
        await(screen, "$ ", 0);
        type(keys, "cd /tmp; pwd\r");
        await(screen, "/tmp\r\n", 0);
        type(keys, "stty size\r");
        await(screen, "30 100\r\n", 0);
        int mark = screen.size();
        type(keys, "sleep 30\r");
        Thread.sleep(1000); // let sleep start: a Ctrl-C typed before it would only clear the line
        type(keys, "\u0003");
        type(keys, "echo interrupted-$?\r");
        await(screen, "interrupted-130", mark);
        java.nio.file.Files.writeString(flag, "");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!screen.toString(StandardCharsets.UTF_8).contains("40 120\r\n") && System.nanoTime() < until) {
          type(keys, "stty size\r");
          Thread.sleep(500);
        }
        type(keys, "exit 3\r");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("shell exits").isTrue();
      }
      reader.get(10, TimeUnit.SECONDS);
      String out = screen.toString(StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(out).isEqualTo(3);
      assertThat(out).contains("40 120\r\n");
    } finally {
      CliProcess.remove(engine, name);
    }
  }

  @EngineTest
  void shell_withoutATerminal_refusesWithOneErrorLine(TestEngine engine) {
    String name = CliProcess.create(engine, null);
    try {
      CliProcess.Result r = CliProcess.run(engine, "shell", name);
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.errLines()).hasSize(2);
      assertThat(r.errLines().get(0)).isEqualTo("error: shell needs a terminal, and this process has none");
    } finally {
      CliProcess.remove(engine, name);
    }
  }

  private static void type(OutputStream keys, String text) throws IOException {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  /** Waits until the screen shows {@code text} after byte {@code from}; fails after 60 s. */
  private static void await(ByteArrayOutputStream screen, String text, int from) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      String s = screen.toString(StandardCharsets.UTF_8);
      if (s.indexOf(text, Math.min(from, s.length())) >= 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("screen never showed " + text + ":\n" + screen.toString(StandardCharsets.UTF_8));
  }
}
