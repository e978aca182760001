package io.pocketdock.examples;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.PocketDock;
import java.time.Duration;

/** The README's example: a sandbox, a Python one-liner, a timeout that kills. */
public final class QuickExample {
  private QuickExample() {}

  /** Runs the example against the first engine that answers. */
  public static void main(String[] args) {
    try (PocketDock dock = PocketDock.connect();
        Container box =
            dock.create(ContainerSpec.builder().memoryLimit("256m").cpuPercent(50).build())) {
      ExecResult r = box.run("python3 -c 'print(6 * 7)'");
      System.out.println(r.exitCode() + " " + r.stdout());

      ExecResult slow =
          box.run("sleep 60", ExecOptions.defaults().withTimeout(Duration.ofSeconds(1)));
      System.out.println(slow.timedOut());
    }
  }
}
