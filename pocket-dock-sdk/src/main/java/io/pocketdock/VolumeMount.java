package io.pocketdock;

import java.nio.file.Path;

/**
 * A host directory or file mounted into the sandbox.
 *
 * <pre>{@code
 * VolumeMount.of(Path.of("data"), "/data")            // read-write
 * VolumeMount.readOnly(Path.of("/etc/ssl"), "/certs") // read-only
 * VolumeMount.parse("./data:/data:ro")                // the CLI's -v syntax
 * }</pre>
 *
 * <p>The host path is made absolute here and must exist when the container is created ({@link
 * PocketDock#create} checks before it calls the engine; Docker would otherwise create a missing
 * directory as root, and Podman would refuse). Files the sandbox user (uid 1000) writes appear on
 * the host with that uid.
 *
 * @param host the host path (absolute after construction)
 * @param container the absolute path inside the sandbox
 * @param readOnly whether the sandbox may only read it
 */
public record VolumeMount(Path host, String container, boolean readOnly) {

  /** Validates and makes the host path absolute. */
  public VolumeMount {
    host = host.toAbsolutePath().normalize();
    if (host.toString().contains(":") || host.toString().contains(",")) {
      throw InvalidArgumentException.of("volume", "host path must not contain ':' or ',': " + host);
    }
    if (!container.startsWith("/") || container.contains(":") || container.contains(",")) {
      throw InvalidArgumentException.of(
          "volume", "container path must be absolute, without ':' or ',': '" + container + "'");
    }
    if (container.equals("/")) {
      throw InvalidArgumentException.of("volume", "cannot mount over the container's root '/'");
    }
  }

  /** A read-write mount. */
  public static VolumeMount of(Path host, String container) {
    return new VolumeMount(host, container, false);
  }

  /** A read-only mount. */
  public static VolumeMount readOnly(Path host, String container) {
    return new VolumeMount(host, container, true);
  }

  /**
   * Parses {@code host:container}, {@code host:container:ro} or {@code host:container:rw}.
   *
   * @throws InvalidArgumentException when the text has another shape
   */
  public static VolumeMount parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
      throw new InvalidArgumentException(
          "volume", "not a volume: '" + text + "'", "write HOST:CONTAINER or HOST:CONTAINER:ro");
    }
    boolean ro = false;
    if (parts.length == 3) {
      if (!parts[2].equals("ro") && !parts[2].equals("rw")) {
        throw InvalidArgumentException.of("volume", "mode must be ro or rw, got '" + parts[2] + "'");
      }
      ro = parts[2].equals("ro");
    }
    return new VolumeMount(Path.of(parts[0]), parts[1], ro);
  }

  /** The engine's bind syntax, {@code host:container[:ro]}; parsed back by {@link #parse}. */
  @Override
  public String toString() {
    return host + ":" + container + (readOnly ? ":ro" : "");
  }
}
