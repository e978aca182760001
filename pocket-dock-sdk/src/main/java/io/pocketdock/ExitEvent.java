package io.pocketdock;

import java.util.Objects;

/**
 * The end of a background process, as delivered to {@link Container#onExit} callbacks.
 *
 * @param container the name of the container the process ran in
 * @param processId the process's {@link BackgroundProcess#id()}
 * @param result how it ended (the same value {@link BackgroundProcess#waitFor()} returns)
 */
public record ExitEvent(String container, String processId, ExecResult result) {

  /** Rejects null components. */
  public ExitEvent {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(result, "result");
  }
}
