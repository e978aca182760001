package io.pocketdock;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A file an {@link Interpreter} cell created or changed: a file in the interpreter's working
 * directory, or a figure it drew (a matplotlib figure left open is saved as a PNG).
 *
 * @param path absolute path of the file inside the container
 * @param size its size in bytes when the cell ended
 * @param content its bytes, or {@code null} when it is larger than the interpreter's artifact
 *     limit (read it with a command or a file download instead)
 */
@SuppressWarnings("ArrayRecordComponent") // bytes handed over, not copied: see above
public record Artifact(String path, long size, byte @Nullable [] content) {

  /** The file name, without its directory. */
  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** The bytes, when they were small enough to come back with the result. */
  public Optional<byte[]> bytes() {
    return Optional.ofNullable(content);
  }

  /** A media type guessed from the file name, e.g. {@code image/png}; octet-stream if unknown. */
  public String mediaType() {
    String n = name().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    return switch (dot < 0 ? "" : n.substring(dot + 1)) {
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "gif" -> "image/gif";
      case "svg" -> "image/svg+xml";
      case "txt", "log", "md", "py", "sh" -> "text/plain";
      case "csv" -> "text/csv";
      case "json" -> "application/json";
      case "html", "htm" -> "text/html";
      case "pdf" -> "application/pdf";
      default -> "application/octet-stream";
    };
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Artifact a
        && path.equals(a.path)
        && size == a.size
        && Arrays.equals(content, a.content);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * path.hashCode() + Long.hashCode(size)) + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "Artifact[" + path + ", " + size + " bytes" + (content == null ? ", not loaded]" : "]");
  }
}
