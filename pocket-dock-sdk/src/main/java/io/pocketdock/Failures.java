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
    // Messages first: Podman's compat API answers some of these with 500 where Docker uses 409.
    // A taken host port says "address already in use" on Podman: check it before name conflicts.
    if (lower.contains("address already in use") || lower.contains("port is already allocated")) {
      return new InvalidArgumentException(
          operation, "a published host port is already in use: " + message, "choose another host port");
    }
    if (lower.contains("already in use")) {
      return new NameConflictException(operation, target);
    }
    if (lower.contains("not running") || lower.contains("state improper") || lower.contains("is paused")) {
      return new ContainerNotRunningException(operation, target, message);
    }
    boolean imageMissing = lower.contains("no such image") || lower.contains("image not known");
    if (missing == Missing.IMAGE && imageMissing) {
      return new ImageNotFoundException(operation, target, imageHint);
    }
    if (e.status() == 404) {
      return switch (missing) {
        case CONTAINER_GONE -> new ContainerGoneException(operation, target);
        case CONTAINER_NOT_FOUND -> new ContainerNotFoundException(operation, target);
        case IMAGE -> new EngineRequestException(operation, target, 404, message);
      };
    }
    if (e.status() == 400) {
      return new InvalidArgumentException(operation, "the engine refused it: " + message, null);
    }
    return new EngineRequestException(operation, target, e.status(), message);
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
