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

  /**
   * {@link Container#stream(String, ExecOptions)}, asynchronously: a worker thread reads the
   * output and hands each chunk to {@code onChunk} as it arrives (one call at a time, in order);
   * the future completes with the result when the command ends. If {@code onChunk} throws, the
   * command is killed and the future fails with that exception.
   *
   * <pre>{@code
   * box.async().stream("make", ExecOptions.defaults(), c -> log.info(c.data()))
   *     .thenAccept(r -> System.out.println("exit " + r.exitCode()));
   * }</pre>
   */
  CompletableFuture<ExecResult> stream(
      String command, ExecOptions options, java.util.function.Consumer<StreamChunk> onChunk);

  /** {@link Container#run(String, Language, ExecOptions)}, asynchronously. */
  CompletableFuture<ExecResult> run(String code, Language language, ExecOptions options);
}
