package io.pocketdock.internal.frame;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A piece of output from one stream.
 *
 * <p>A piece is at most 64 KiB; a larger engine frame arrives as several pieces. Piece boundaries
 * say nothing about characters or lines: a multi-byte UTF-8 character may be split across pieces.
 *
 * @param stream the stream the bytes came from
 * @param data the bytes, never empty; owned by this frame and not copied, so do not modify them
 */
@SuppressWarnings("ArrayRecordComponent") // bytes handed over, not copied: see above
public record Frame(StreamKind stream, byte[] data) {

  /** Rejects null components. */
  public Frame {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(data, "data");
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Frame frame
        && stream == frame.stream
        && Arrays.equals(data, frame.data);
  }

  @Override
  public int hashCode() {
    return 31 * stream.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Frame[" + stream + ", " + data.length + " bytes]";
  }
}
