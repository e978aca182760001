package io.pocketdock.it;

import io.pocketdock.BackgroundProcess;
import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.ExecResult;
import io.pocketdock.ExecStream;
import io.pocketdock.PocketDock;
import io.pocketdock.StreamChunk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Run by {@link ConcurrencyIT} in a child JVM with a small heap ({@code -Xmx64m}): streams 50 MB,
 * runs 20 MB blocking and 20 MB detached, and prints what it saw as {@code key=value} lines. Any
 * memory leak of output would end it with an OutOfMemoryError and a non-zero exit.
 *
 * <p>Arguments: the engine socket, the test-run label value.
 */
public final class BigOutputMain {
  static final long STREAM_BYTES = 50L * 1000 * 1000;
  static final long BIG_BYTES = 20L * 1000 * 1000;

  private BigOutputMain() {}

  /** Entry point; see the class comment. */
  public static void main(String[] args) {
    ContainerSpec spec =
        ContainerSpec.builder()
            .image(TestImages.MINIMAL)
            .labels(Map.of(TestEngine.RUN_LABEL, args[1]))
            .execTimeout(Duration.ofMinutes(5))
            .build();
    try (PocketDock dock = PocketDock.builder().socket(Path.of(args[0])).build();
        Container box = dock.create(spec)) {
      // One method per mode, so that nothing of one is still referenced while the next runs.
      stream(box);
      blocking(box);
      detached(box);
      Runtime rt = Runtime.getRuntime();
      System.out.println("heap.max=" + rt.maxMemory());
    }
  }

  private static String bytes(long count) {
    return "head -c " + count + " /dev/zero | tr '\\000' x";
  }

  private static void stream(Container box) {
    long t0 = System.nanoTime();
    long streamed = 0;
    try (ExecStream s = box.stream(bytes(STREAM_BYTES))) {
      for (StreamChunk c : s) {
        streamed += c.data().length();
      }
      ExecResult r = s.result();
      System.out.println("stream.exit=" + r.exitCode());
      System.out.println("stream.truncated=" + r.truncated());
      System.out.println("stream.kept=" + r.stdout().length());
    }
    System.out.println("stream.bytes=" + streamed);
    System.out.println("stream.ms=" + (System.nanoTime() - t0) / 1_000_000);
  }

  private static void blocking(Container box) {
    ExecResult r = box.run(bytes(BIG_BYTES));
    System.out.println("run.kept=" + r.stdout().length());
    System.out.println("run.truncated=" + r.truncated());
  }

  private static void detached(Container box) {
    BackgroundProcess p = box.runDetached(bytes(BIG_BYTES));
    ExecResult r = p.waitFor();
    System.out.println("detached.exit=" + r.exitCode());
    System.out.println("detached.buffered=" + p.bufferSize());
    System.out.println("detached.overflowed=" + p.bufferOverflowed());
  }
}
