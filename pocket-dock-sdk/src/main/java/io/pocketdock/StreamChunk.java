package io.pocketdock;

import java.util.Objects;

/**
 * A piece of a streaming command's output, as it arrived.
 *
 * <p>Chunks hold whole characters: a multi-byte UTF-8 character that the engine delivered in two
 * pieces is held back until it is complete. Chunk boundaries say nothing about lines.
 *
 * @param stream the stream it came from
 * @param data the text, never empty
 */
public record StreamChunk(StdStream stream, String data) {

  /** Rejects null components. */
  public StreamChunk {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(data, "data");
  }
}
