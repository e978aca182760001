package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessCallbacksTest {
  private static final OutputEvent OUT = new OutputEvent("box", "p1", StdStream.STDOUT, "hi\n");
  private static final OutputEvent ERR = new OutputEvent("box", "p1", StdStream.STDERR, "oops\n");

  @Test
  void output_routedByStream() {
    ProcessCallbacks callbacks = new ProcessCallbacks();
    List<OutputEvent> out = new ArrayList<>();
    List<OutputEvent> err = new ArrayList<>();
    callbacks.onStdout(out::add);
    callbacks.onStderr(err::add);
    callbacks.output(OUT);
    callbacks.output(ERR);
    assertThat(out).containsExactly(OUT);
    assertThat(err).containsExactly(ERR);
  }

  @Test
  void output_throwingCallback_othersStillCalled() {
    ProcessCallbacks callbacks = new ProcessCallbacks();
    List<OutputEvent> seen = new ArrayList<>();
    callbacks.onStdout(
        e -> {
          throw new IllegalStateException("boom");
        });
    callbacks.onStdout(seen::add);
    callbacks.output(OUT);
    callbacks.output(OUT);
    assertThat(seen).hasSize(2);
  }

  @Test
  void subscription_closed_noMoreCallsAndSameLambdaTwiceIsTwoEntries() {
    ProcessCallbacks callbacks = new ProcessCallbacks();
    List<ExitEvent> seen = new ArrayList<>();
    java.util.function.Consumer<ExitEvent> handler = seen::add;
    Subscription first = callbacks.onExit(handler);
    callbacks.onExit(handler);
    ExitEvent exit = new ExitEvent("box", "p1", new ExecResult(0, "", "", 1, false, false));
    callbacks.exit(exit);
    assertThat(seen).hasSize(2);
    first.close();
    first.close();
    callbacks.exit(exit);
    assertThat(seen).hasSize(3);
  }
}
