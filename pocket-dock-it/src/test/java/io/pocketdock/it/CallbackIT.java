package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.BackgroundProcess;
import io.pocketdock.Container;
import io.pocketdock.ExitEvent;
import io.pocketdock.OutputEvent;
import io.pocketdock.StdStream;
import io.pocketdock.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Output and exit callbacks for background processes. */
class CallbackIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @EngineTest
  void callbacks_backgroundProcess_getOutputAndExitWithContext(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      List<OutputEvent> out = new CopyOnWriteArrayList<>();
      List<OutputEvent> err = new CopyOnWriteArrayList<>();
      List<ExitEvent> exits = new CopyOnWriteArrayList<>();
      List<String> threads = new CopyOnWriteArrayList<>();
      box.onStdout(out::add);
      box.onStderr(err::add);
      box.onExit(
          e -> {
            threads.add(Thread.currentThread().getName());
            exits.add(e);
          });
      BackgroundProcess p = box.runDetached("echo one; sleep 0.2; echo two; echo oops >&2; exit 4");
      p.waitFor(WAIT).orElseThrow();
      // onExit runs before waitFor returns.
      assertThat(exits).hasSize(1);
      ExitEvent exit = exits.get(0);
      assertThat(exit.container()).isEqualTo(box.name());
      assertThat(exit.processId()).isEqualTo(p.id());
      assertThat(exit.result().exitCode()).isEqualTo(4);
      assertThat(text(out)).isEqualTo("one\ntwo\n");
      assertThat(text(err)).isEqualTo("oops\n");
      assertThat(out).allSatisfy(e -> assertThat(e.stream()).isEqualTo(StdStream.STDOUT));
      assertThat(out).allSatisfy(e -> assertThat(e.processId()).isEqualTo(p.id()));
      assertThat(threads.get(0)).isNotEqualTo(Thread.currentThread().getName());
    }
  }

  @EngineTest
  void callback_throws_readerGoesOnAndOthersStillCalled(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      List<OutputEvent> seen = new CopyOnWriteArrayList<>();
      box.onStdout(
          e -> {
            throw new IllegalStateException("a broken callback");
          });
      box.onStdout(seen::add);
      box.onExit(
          e -> {
            throw new IllegalStateException("a broken exit callback");
          });
      BackgroundProcess p = box.runDetached("for i in 1 2 3; do echo $i; sleep 0.2; done");
      assertThat(p.waitFor(WAIT).orElseThrow().exitCode()).isZero();
      assertThat(text(seen)).isEqualTo("1\n2\n3\n");
      assertThat(p.peek().stdout()).isEqualTo("1\n2\n3\n"); // the buffer got everything too
    }
  }

  @EngineTest
  void oneHandler_severalContainers_tellsThemApart(TestEngine engine) {
    try (Container a = engine.dock().create(engine.spec().build());
        Container b = engine.dock().create(engine.spec().image(TestImages.BUSYBOX).build())) {
      List<OutputEvent> seen = new CopyOnWriteArrayList<>();
      a.onStdout(seen::add);
      b.onStdout(seen::add);
      BackgroundProcess pa = a.runDetached("echo from-a");
      BackgroundProcess pb = b.runDetached("echo from-b");
      pa.waitFor(WAIT).orElseThrow();
      pb.waitFor(WAIT).orElseThrow();
      assertThat(seen)
          .extracting(e -> e.container() + ":" + e.processId() + ":" + e.data())
          .containsExactlyInAnyOrder(
              a.name() + ":" + pa.id() + ":from-a\n", b.name() + ":" + pb.id() + ":from-b\n");
    }
  }

  @EngineTest
  void subscription_closed_stopsFurtherCalls(TestEngine engine) throws Exception {
    try (Container box = engine.dock().create(engine.spec().build())) {
      List<OutputEvent> seen = new CopyOnWriteArrayList<>();
      Subscription s = box.onStdout(seen::add);
      BackgroundProcess p = box.runDetached("echo before; sleep 1; echo after");
      Poll.until(WAIT, "first line", () -> !seen.isEmpty());
      s.close();
      s.close();
      p.waitFor(WAIT).orElseThrow();
      assertThat(text(seen)).isEqualTo("before\n");
    }
  }

  private static String text(List<OutputEvent> events) {
    return events.stream().map(OutputEvent::data).collect(Collectors.joining());
  }
}
