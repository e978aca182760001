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
    try {
      String cli = String.join(" ", CliProcess.command(engine, "shell", name));
      // A background stty changes the pty's size while the shell runs: the kernel sends SIGWINCH.
      String inner = "stty cols 100 rows 30; sh -c '(sleep 6; stty cols 120 rows 40 < /dev/tty) & exec " + cli + "'";
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
        type(keys, 4000, "cd /tmp; pwd\r");
        type(keys, 1000, "stty size\r");
        type(keys, 800, "sleep 30\r");
        type(keys, 1500, "\u0003");
        type(keys, 800, "echo interrupted-$?\r");
        type(keys, 2500, "stty size\r");
        type(keys, 800, "exit 3\r");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("shell exits").isTrue();
      }
      reader.get(10, TimeUnit.SECONDS);
      String out = screen.toString(StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(out).isEqualTo(3);
      assertThat(out).contains("/tmp\r\n").contains("30 100\r\n").contains("interrupted-130").contains("40 120\r\n");
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

  private static void type(OutputStream keys, long pauseMs, String text) throws Exception {
    Thread.sleep(pauseMs);
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }
}
