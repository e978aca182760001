package io.pocketdock.internal.engine;

import java.util.Optional;

/**
 * Picks the Docker-compatible API version to speak. We were written against 1.41 (the version both
 * Podman 4 and Docker 20.10 serve) and read nothing that changed up to {@link #NEWEST}; newer
 * engines refuse clients older than their minimum (Docker 29 refuses below 1.44), so we use the
 * engine's own maximum, capped at the newest we know.
 */
public final class ApiVersion {
  /** The oldest API we can work with. */
  public static final String OLDEST = "1.40";

  /** The newest API whose shapes we have read; above it we ask for this one. */
  public static final String NEWEST = "1.47";

  private ApiVersion() {}

  /**
   * Negotiates against the engine's maximum version.
   *
   * @return the version to use, or empty when the engine is older than {@link #OLDEST}
   */
  public static Optional<String> negotiate(String engineMaximum) {
    if (compare(engineMaximum, OLDEST) < 0) {
      return Optional.empty();
    }
    return Optional.of(compare(engineMaximum, NEWEST) > 0 ? NEWEST : engineMaximum);
  }

  /** Compares dotted versions numerically ({@code 1.9 < 1.41}). Unparsable parts count as 0. */
  public static int compare(String a, String b) {
    String[] x = a.trim().split("\\.");
    String[] y = b.trim().split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(part(x, i), part(y, i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int part(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    try {
      return Integer.parseInt(parts[i]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
