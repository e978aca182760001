package io.pocketdock.examples;

import io.pocketdock.Container;
import io.pocketdock.ExecResult;
import io.pocketdock.PocketDock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Several commands at once on one sandbox, through the async facade. */
public final class AsyncExample {
  private AsyncExample() {}

  /** Runs three commands concurrently and prints their output in order. */
  public static void main(String[] args) {
    try (PocketDock dock = PocketDock.connect();
        Container box = dock.create()) {
      List<CompletableFuture<ExecResult>> runs =
          List.of(
              box.async().run("sleep 1; echo one"),
              box.async().run("sleep 1; echo two"),
              box.async().run("sleep 1; echo three"));
      for (CompletableFuture<ExecResult> run : runs) {
        System.out.print(run.join().stdout()); // about 1 s in all, not 3
      }
    }
  }
}
