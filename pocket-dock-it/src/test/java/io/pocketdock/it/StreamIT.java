package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Container;
import io.pocketdock.EngineCommunicationException;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.ExecStream;
import io.pocketdock.PocketDock;
import io.pocketdock.StdStream;
import io.pocketdock.StreamChunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Streaming runs: output as it arrives, streams apart, early close kills, broken connections. */
class StreamIT {

  @EngineTest
  void stream_slowOutput_chunksArriveBeforeCommandEnds(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        ExecStream s = box.stream("for i in 1 2 3; do echo line$i; sleep 1; done")) {
      long t0 = System.nanoTime();
      List<Long> arrivals = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (StreamChunk c : s) {
        arrivals.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        text.append(c.data());
      }
      long end = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertThat(text).hasToString("line1\nline2\nline3\n");
      // The command takes ~3 s; the first line arrives at once, seconds before the end.
      assertThat(arrivals.get(0)).isLessThan(end - 1500);
      assertThat(arrivals).hasSizeGreaterThanOrEqualTo(3);
      ExecResult r = s.result();
      assertThat(r.exitCode()).isZero();
      assertThat(r.stdout()).isEqualTo("line1\nline2\nline3\n");
    }
  }

  @EngineTest
  void stream_stdoutAndStderr_keptApartInOrder(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        ExecStream s = box.stream("for i in 1 2 3 4 5; do echo o$i; echo e$i >&2; done; exit 3")) {
      List<StreamChunk> chunks = s.chunks().collect(Collectors.toList());
      assertThat(join(chunks, StdStream.STDOUT)).isEqualTo("o1\no2\no3\no4\no5\n");
      assertThat(join(chunks, StdStream.STDERR)).isEqualTo("e1\ne2\ne3\ne4\ne5\n");
      ExecResult r = s.result();
      assertThat(r.exitCode()).isEqualTo(3);
      assertThat(r.stderr()).isEqualTo("e1\ne2\ne3\ne4\ne5\n");
    }
  }

  @EngineTest
  void stream_characterSplitAcrossWrites_arrivesWhole(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        // U+1F600 written in two halves, with a pause between them.
        ExecStream s = box.stream("printf '\\360\\237'; sleep 0.5; printf '\\230\\200\\n'")) {
      List<StreamChunk> chunks = s.chunks().collect(Collectors.toList());
      assertThat(chunks).allSatisfy(c -> assertThat(c.data()).doesNotContain("\uFFFD"));
      assertThat(join(chunks, StdStream.STDOUT)).isEqualTo("\uD83D\uDE00\n");
    }
  }

  @EngineTest
  void stream_closedEarly_killsProcessTree(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      long t0 = System.nanoTime();
      try (ExecStream s = box.stream("sleep 301 & setsid sh -c 'sleep 302' & echo started; sleep 303")) {
        Iterator<StreamChunk> it = s.iterator();
        assertThat(it.next().data()).isEqualTo("started\n");
      }
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(10_000);
      assertThat(box.run(RunIT.SURVIVORS).stdout()).doesNotContain("sleep 30");
    }
  }

  @EngineTest
  void stream_closedFromAnotherThread_endsIteration(TestEngine engine) throws Exception {
    try (Container box = engine.dock().create(engine.spec().build())) {
      ExecStream s = box.stream("echo first; sleep 300");
      CompletableFuture<List<StreamChunk>> reader =
          CompletableFuture.supplyAsync(() -> s.chunks().collect(Collectors.toList()));
      Thread.sleep(1000);
      s.close();
      assertThat(reader.get(10, TimeUnit.SECONDS)).extracting(StreamChunk::data).containsExactly("first\n");
      assertThat(s.result().exitCode()).isEqualTo(137);
      assertThat(box.run(RunIT.SURVIVORS).stdout()).doesNotContain("sleep 300");
    }
  }

  @EngineTest
  void result_withoutIterating_waitsAndKeepsOutput(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        ExecStream s = box.stream("echo a; sleep 1; echo b >&2; exit 2")) {
      ExecResult r = s.result();
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.stdout()).isEqualTo("a\n");
      assertThat(r.stderr()).isEqualTo("b\n");
      assertThat(s.iterator().hasNext()).isFalse();
      assertThat(s.result()).isSameAs(r);
    }
  }

  @EngineTest
  void stream_exceedsTimeout_endsAndFlagsTimedOut(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        ExecStream s =
            box.stream("echo go; sleep 300", ExecOptions.defaults().withTimeout(Duration.ofSeconds(1)))) {
      assertThat(s.chunks().map(StreamChunk::data).collect(Collectors.joining())).isEqualTo("go\n");
      ExecResult r = s.result();
      assertThat(r.timedOut()).isTrue();
      assertThat(r.exitCode()).isEqualTo(ExecResult.TIMEOUT_EXIT_CODE);
      assertThat(r.durationMs()).isLessThan(10_000);
    }
  }

  @EngineTest
  void asyncStream_callback_getsChunksThenResult(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      List<StreamChunk> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
      ExecResult r =
          box.async()
              .stream("echo one; echo two >&2", ExecOptions.defaults(), seen::add)
              .orTimeout(30, TimeUnit.SECONDS)
              .join();
      assertThat(r.ok()).isTrue();
      assertThat(join(seen, StdStream.STDOUT)).isEqualTo("one\n");
      assertThat(join(seen, StdStream.STDERR)).isEqualTo("two\n");
    }
  }

  @EngineTest
  void stream_engineConnectionBreaksMidStream_throwsTypedErrorWithoutHang(TestEngine engine)
      throws Exception {
    try (Container box = engine.dock().create(engine.spec().build());
        BreakableProxy proxy = new BreakableProxy(engine.socket());
        PocketDock viaProxy = PocketDock.builder().socket(proxy.socket()).build()) {
      Container same = viaProxy.attach(box.name());
      try (ExecStream s = same.stream("while true; do echo tick; sleep 0.2; done")) {
        Iterator<StreamChunk> it = s.iterator();
        assertThat(it.next().data()).startsWith("tick");
        long t0 = System.nanoTime();
        proxy.breakAll();
        assertThatThrownBy(
                () -> {
                  while (it.hasNext()) {
                    it.next();
                  }
                  s.result();
                })
            .isInstanceOf(EngineCommunicationException.class);
        // The failure mode is a hang; seconds tell them apart.
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(15_000);
      }
    }
  }

  private static String join(List<StreamChunk> chunks, StdStream stream) {
    return chunks.stream().filter(c -> c.stream() == stream).map(StreamChunk::data).collect(Collectors.joining());
  }
}
