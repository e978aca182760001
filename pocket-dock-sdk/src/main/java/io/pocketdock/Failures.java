package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.http.HttpConnectException;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns low-level failures into the public exceptions, in the one place that knows the operation
 * and the container. Status codes alone are ambiguous (404 means "no such container" or "no such
 * image" depending on the call), so each operation says what a 404 means for it.
 */
final class Failures {
  private Failures() {}

  /** What a 404 means for the operation at hand. */
  enum Missing {
    /** The container named by the handle disappeared after we had it. */
    CONTAINER_GONE,
    /** The container named by the caller never existed. */
    CONTAINER_NOT_FOUND,
    /** The image does not exist. */
    IMAGE
  }

  static PocketDockException fromEngine(
      String operation, String target, EngineResponseException e, Missing missing, String imageHint) {
    String message = e.engineMessage();
    String lower = message.toLowerCase(Locale.ROOT);
    return switch (e.status()) {
      case 404 ->
          switch (missing) {
            case CONTAINER_GONE -> new ContainerGoneException(operation, target);
            case CONTAINER_NOT_FOUND -> new ContainerNotFoundException(operation, target);
            case IMAGE ->
                lower.contains("image") || lower.contains("manifest") || lower.contains("pull")
                    ? new ImageNotFoundException(operation, target, imageHint)
                    : new EngineRequestException(operation, target, 404, message);
          };
      case 409 -> {
        if (lower.contains("not running") || lower.contains("state improper") || lower.contains("paused")) {
          yield new ContainerNotRunningException(operation, target, message);
        }
        if (lower.contains("already in use") || lower.contains("name") && lower.contains("use")) {
          yield new NameConflictException(operation, target);
        }
        yield new EngineRequestException(operation, target, 409, message);
      }
      case 400 -> new InvalidArgumentException(operation, "the engine refused it: " + message, null);
      default -> {
        // Podman's compat API answers a missing image on create with 500 in some versions.
        if (missing == Missing.IMAGE && lower.contains("image not known")) {
          yield new ImageNotFoundException(operation, target, imageHint);
        }
        yield new EngineRequestException(operation, target, e.status(), message);
      }
    };
  }

  static PocketDockException fromIo(
      String operation, @Nullable String target, String socket, IOException e) {
    if (e instanceof HttpConnectException) {
      return new EngineConnectionException(operation, socket, String.valueOf(e.getMessage()), e);
    }
    return new EngineCommunicationException(
        operation, target, "engine connection failed: " + e.getMessage(), e);
  }

  /** Restores the interrupt flag and reports the interruption as a communication failure. */
  static PocketDockException interrupted(String operation, @Nullable String target, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new EngineCommunicationException(operation, target, "interrupted", e);
  }
}
