package io.pocketdock;

import java.util.regex.Pattern;

/**
 * One device passed through to a sandbox, parsed from {@code HOST[:CONTAINER[:PERMISSIONS]]}: e.g.
 * {@code /dev/fuse}, {@code /dev/ttyUSB0:/dev/ttyUSB0:rw}. Permissions are the cgroup ones, a
 * non-empty subset of {@code rwm} (default {@code rwm}).
 */
record DeviceMapping(String host, String container, String permissions) {
  private static final Pattern PATH = Pattern.compile("/[^\\s:]*[^\\s:/]");
  private static final Pattern PERMISSIONS = Pattern.compile("(?!.*(.).*\\1)[rwm]{1,3}");

  static DeviceMapping parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length > 3 || !PATH.matcher(parts[0]).matches()
        || (parts.length > 1 && !PATH.matcher(parts[1]).matches())
        || (parts.length > 2 && !PERMISSIONS.matcher(parts[2]).matches())) {
      throw new InvalidArgumentException(
          "create",
          "invalid device '" + text + "'",
          "use HOST[:CONTAINER[:PERMISSIONS]] with absolute paths and permissions from rwm,"
              + " e.g. /dev/fuse or /dev/ttyUSB0:/dev/ttyUSB0:rw");
    }
    return new DeviceMapping(
        parts[0], parts.length > 1 ? parts[1] : parts[0], parts.length > 2 ? parts[2] : "rwm");
  }
}
