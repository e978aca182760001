package io.pocketdock.it.child;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.ExecStream;
import io.pocketdock.StdStream;
import io.pocketdock.StreamChunk;
import java.time.Duration;
import io.pocketdock.PocketDock;
import java.nio.file.Path;
import java.util.Map;

/**
 * Child JVM: floods a blocking run with {@code args[2]} bytes of output and prints what came back,
 * so the test can prove the capture stays within the cap under a small heap. Args: socket, image,
 * bytes, test-run label value, and the mode: blocking (default), stream or detached.
 */
public final class FloodMain {
  private FloodMain() {}

  /** Entry point. */
  public static void main(String[] args) {
    try (PocketDock dock = PocketDock.builder().socket(Path.of(args[0])).reapOrphansOnConnect(false).build();
        Container box =
            dock.create(
                ContainerSpec.builder()
                    .image(args[1])
                    .labels(Map.of("io.pocketdock.test-run", args[3]))
                    .build())) {
      String mode = args.length > 4 ? args[4] : "blocking";
      String command = "head -c " + args[2] + " /dev/zero; echo done >&2";
      // Generous: this measures the caps under a small heap, not the engine's throughput.
      ExecOptions options = ExecOptions.defaults().withTimeout(Duration.ofMinutes(5));
      ExecResult r;
      long streamed = 0;
      switch (mode) {
        case "stream" -> {
          try (ExecStream stream = box.stream(command, options)) {
            for (StreamChunk c : stream) {
              if (c.stream() == StdStream.STDOUT) {
                streamed += c.data().length(); // counted, never kept
              }
            }
            r = stream.result();
          }
        }
        case "detached" -> r = box.runDetached(command, options).waitFor();
        default -> r = box.run(command, options);
      }
      System.out.println("exit=" + r.exitCode());
      System.out.println("truncated=" + r.truncated());
      System.out.println("kept=" + (r.stdout().length() + r.stderr().length()));
      System.out.println("streamed=" + streamed);
      System.out.println("maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1 << 20));
      System.out.println("durationMs=" + r.durationMs());
    }
    System.out.flush();
  }
}
