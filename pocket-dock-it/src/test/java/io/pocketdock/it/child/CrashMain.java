package io.pocketdock.it.child;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.PocketDock;
import java.nio.file.Path;
import java.util.Map;

/**
 * Child JVM: creates two ephemeral sandboxes, one persistent and one that outlives its creator,
 * prints their names, then waits to be killed with SIGKILL. Args: socket, image, test-run label.
 */
public final class CrashMain {
  private CrashMain() {}

  /** Entry point. */
  public static void main(String[] args) throws InterruptedException {
    PocketDock dock = PocketDock.builder().socket(Path.of(args[0])).reapOrphansOnConnect(false).build();
    ContainerSpec.Builder spec =
        ContainerSpec.builder().image(args[1]).labels(Map.of("io.pocketdock.test-run", args[2]));
    Container a = dock.create(spec.build());
    Container b = dock.create(spec.build());
    Container kept = dock.create(spec.persist(true).build());
    Container handedOver = dock.create(spec.persist(false).outliveCreator(true).build());
    System.out.println("ephemeral=" + a.name() + "," + b.name());
    System.out.println("persistent=" + kept.name());
    System.out.println("detached=" + handedOver.name());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
