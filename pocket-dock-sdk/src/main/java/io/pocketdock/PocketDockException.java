package io.pocketdock;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Root of every error pocket-dock raises. Unchecked, sealed, and always says which operation failed,
 * on which container or exec (when there is one), and where it can, what to do about it.
 *
 * <pre>{@code
 * try {
 *   box.run("true");
 * } catch (ContainerNotRunningException e) {
 *   System.err.println(e.getMessage() + " — " + e.hint().orElse(""));
 * }
 * }</pre>
 */
public abstract sealed class PocketDockException extends RuntimeException
    permits EngineException,
        ContainerException,
        ImageNotFoundException,
        ImageBuildException,
        InvalidArgumentException,
        SessionClosedException,
        ProjectNotInitializedException,
        HostFileException,
        ConfigException,
        PoolExhaustedException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final @Nullable String targetId;
  private final @Nullable String hint;

  /** The message given at construction: never null. */
  @Override
  public String getMessage() {
    String m = super.getMessage();
    return m != null ? m : "";
  }

  PocketDockException(
      String operation,
      @Nullable String targetId,
      String message,
      @Nullable String hint,
      @Nullable Throwable cause) {
    super(compose(operation, targetId, message), cause);
    this.operation = operation;
    this.targetId = targetId;
    this.hint = hint;
  }

  private static String compose(String operation, @Nullable String targetId, String message) {
    return targetId == null
        ? operation + ": " + message
        : operation + " [" + targetId + "]: " + message;
  }

  /** The operation that failed, e.g. {@code "create"}, {@code "run"}, {@code "info"}. */
  public String operation() {
    return operation;
  }

  /** The container or exec id (or name) the operation was about, when there is one. */
  public Optional<String> targetId() {
    return Optional.ofNullable(targetId);
  }

  /** A one-line suggestion of what to do next, when pocket-dock knows one. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}
