package io.pocketdock;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** {@link AsyncContainer} that runs each blocking call on the dock's worker threads. */
final class ExecutorAsyncContainer implements AsyncContainer {
  private final Container container;
  private final Executor executor;

  ExecutorAsyncContainer(Container container, Executor executor) {
    this.container = container;
    this.executor = executor;
  }

  @Override
  public Container container() {
    return container;
  }

  @Override
  public CompletableFuture<ExecResult> run(String command) {
    return CompletableFuture.supplyAsync(() -> container.run(command), executor);
  }

  @Override
  public CompletableFuture<ExecResult> run(String command, ExecOptions options) {
    return CompletableFuture.supplyAsync(() -> container.run(command, options), executor);
  }

  @Override
  public CompletableFuture<ContainerInfo> info() {
    return CompletableFuture.supplyAsync(container::info, executor);
  }

  @Override
  public CompletableFuture<Void> reboot(boolean fresh) {
    return CompletableFuture.runAsync(() -> container.reboot(fresh), executor);
  }

  @Override
  public CompletableFuture<Void> shutdown(boolean force) {
    return CompletableFuture.runAsync(() -> container.shutdown(force), executor);
  }

  @Override
  public CompletableFuture<ExecResult> stream(
      String command, ExecOptions options, java.util.function.Consumer<StreamChunk> onChunk) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (ExecStream stream = container.stream(command, options)) {
            for (StreamChunk chunk : stream) {
              onChunk.accept(chunk);
            }
            return stream.result();
          }
        },
        executor);
  }

  @Override
  public CompletableFuture<ExecResult> run(String code, Language language, ExecOptions options) {
    return CompletableFuture.supplyAsync(() -> container.run(code, language, options), executor);
  }
}
