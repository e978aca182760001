package io.pocketdock;

import java.util.Objects;

/**
 * Output of a background process, as delivered to {@link Container#onStdout} and {@link
 * Container#onStderr} callbacks.
 *
 * @param container the name of the container the process runs in
 * @param processId the process's {@link BackgroundProcess#id()}
 * @param stream the stream it came from
 * @param data the text (whole characters), never empty
 */
public record OutputEvent(String container, String processId, StdStream stream, String data) {

  /** Rejects null components. */
  public OutputEvent {
    Objects.requireNonNull(container, "container");
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(data, "data");
  }
}
