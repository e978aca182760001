package io.pocketdock;

import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous face of a {@link Container}: the same operations, each returning a {@link
 * CompletableFuture} completed on a virtual thread (Java 21+) or a pooled daemon thread (Java 17).
 * Failures complete the future exceptionally with the same {@link PocketDockException}s as the
 * blocking calls.
 *
 * <pre>{@code
 * box.async().run("python3 -c 'print(42)'")
 *     .thenAccept(r -> System.out.println(r.stdout()));
 * }</pre>
 */
public interface AsyncContainer {

  /** The blocking container behind this facade. */
  Container container();

  /** {@link Container#run(String)}, asynchronously. */
  CompletableFuture<ExecResult> run(String command);

  /** {@link Container#run(String, ExecOptions)}, asynchronously. */
  CompletableFuture<ExecResult> run(String command, ExecOptions options);

  /** {@link Container#info()}, asynchronously. */
  CompletableFuture<ContainerInfo> info();

  /** {@link Container#reboot(boolean)}, asynchronously. */
  CompletableFuture<Void> reboot(boolean fresh);

  /** {@link Container#shutdown(boolean)}, asynchronously. */
  CompletableFuture<Void> shutdown(boolean force);
}
