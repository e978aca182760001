package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Container;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.TerminalOptions;
import io.pocketdock.TerminalSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** {@link Container#terminal}: a program on a pseudo-terminal, over the engine socket. */
class TerminalIT {

  @EngineTest
  void terminal_shell_isATty_sizeSet_exitCodeReturned(TestEngine engine) throws Exception {
    try (Container box = engine.dock().create(engine.spec().build());
        TerminalSession t = box.terminal(TerminalOptions.defaults().withSize(91, 17))) {
      t.input().write("test -t 0 && echo tty-yes; stty size; echo $TERM; exit 3\n".getBytes(StandardCharsets.UTF_8));
      t.input().flush();
      String screen = new String(t.output().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(t.waitFor()).isEqualTo(3);
      assertThat(screen).contains("tty-yes\r\n").contains("17 91\r\n").contains("xterm-256color\r\n");
    }
  }

  @EngineTest
  void terminal_command_resize_reachesTheProgram(TestEngine engine) throws Exception {
    try (Container box = engine.dock().create(engine.spec().build());
        TerminalSession t =
            box.terminal(
                TerminalOptions.defaults()
                    // The engine applies a resize on its own time (Podman through conmon's
                    // control pipe): the program looks for up to 5 s before it reports the size.
                    .withCommand(
                        List.of(
                            "/bin/sh",
                            "-c",
                            "read x; i=0; s=$(stty size); while [ \"$s\" = '24 80' ] && [ $i -lt 50 ];"
                                + " do sleep 0.1; i=$((i + 1)); s=$(stty size); done; echo \"$s\""))
                    .withSize(80, 24))) {
      t.resize(132, 50);
      t.input().write("go\n".getBytes(StandardCharsets.UTF_8));
      t.input().flush();
      String screen = new String(t.output().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(screen).contains("50 132");
      assertThat(t.waitFor()).isZero();
      assertThatThrownBy(() -> t.resize(0, 10)).isInstanceOf(InvalidArgumentException.class);
    }
  }

  @EngineTest
  void terminal_close_endsARunningProgram(TestEngine engine) throws Exception {
    try (Container box = engine.dock().create(engine.spec().build())) {
      TerminalSession t = box.terminal(TerminalOptions.defaults().withCommand(List.of("sleep", "300")));
      t.close();
      t.close();
      Poll.until(
          Duration.ofSeconds(20),
          "the terminal's sleep is gone",
          () -> box.run("ps -eo args | grep -c '^sleep 300'").stdout().strip().equals("0"));
    }
  }

  @EngineTest
  void terminalOptions_badSize_isRejectedBeforeTheEngine(TestEngine engine) {
    assertThatThrownBy(() -> TerminalOptions.defaults().withSize(0, 24)).isInstanceOf(InvalidArgumentException.class);
  }
}
