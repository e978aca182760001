package io.pocketdock.it.child;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import java.time.Duration;
import io.pocketdock.PocketDock;
import java.nio.file.Path;
import java.util.Map;

/**
 * Child JVM: floods a blocking run with {@code args[2]} bytes of output and prints what came back,
 * so the test can prove the capture stays within the cap under a small heap. Args: socket, image,
 * bytes, test-run label value.
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
      // Generous: this measures the cap under a small heap, not the engine's throughput.
      ExecResult r =
          box.run(
              "head -c " + args[2] + " /dev/zero; echo done >&2",
              ExecOptions.defaults().withTimeout(Duration.ofMinutes(5)));
      System.out.println("exit=" + r.exitCode());
      System.out.println("truncated=" + r.truncated());
      System.out.println("kept=" + (r.stdout().length() + r.stderr().length()));
      System.out.println("maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1 << 20));
      System.out.println("durationMs=" + r.durationMs());
    }
    System.out.flush();
  }
}
