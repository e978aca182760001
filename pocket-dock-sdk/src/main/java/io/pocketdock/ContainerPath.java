package io.pocketdock;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An absolute, lexically normalized path inside a container: no {@code .} or {@code ..}
 * components, no repeated or trailing slashes. Relative paths are resolved against a base (the
 * container's working directory). {@code ..} above the root stays at the root, as in the kernel.
 *
 * @param value the normalized path, {@code /} for the root
 */
record ContainerPath(String value) {

  /** Normalizes {@code path} against {@code base} (itself absolute). */
  static ContainerPath of(String operation, String path, String base) {
    if (path.isEmpty() || path.indexOf('\0') >= 0) {
      throw InvalidArgumentException.of(operation, "invalid container path '" + path.replace("\0", "\\0") + "'");
    }
    String full = path.startsWith("/") ? path : base + "/" + path;
    Deque<String> parts = new ArrayDeque<>();
    for (String part : full.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return new ContainerPath("/" + String.join("/", parts));
  }

  boolean isRoot() {
    return value.equals("/");
  }

  /** The last component; empty for the root. */
  String name() {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  /** The parent directory; the root's parent is the root. */
  ContainerPath parent() {
    int slash = value.lastIndexOf('/');
    return new ContainerPath(slash <= 0 ? "/" : value.substring(0, slash));
  }

  /** The child {@code name} (one component). */
  ContainerPath child(String name) {
    return new ContainerPath(isRoot() ? "/" + name : value + "/" + name);
  }

  @Override
  public String toString() {
    return value;
  }
}
