package io.pocketdock;

import io.pocketdock.internal.json.JsonObject;

/**
 * What the engine's {@code HEAD archive} says about a path. The mode is Go's {@code FileMode}: the
 * permission bits plus type flags in the high bits. Docker describes a final symlink itself (its
 * {@code linkTarget} is the resolved absolute target); Podman follows it for {@code isDir} and fills
 * {@code linkTarget} with the resolved path even for non-links.
 *
 * @param mode the Go file mode
 * @param podmanIsDir Podman's {@code isDir} (false when absent, as on Docker)
 * @param linkTarget the resolved path, empty when the engine gives none
 */
record PathStat(long mode, boolean podmanIsDir, String linkTarget) {
  private static final long GO_MODE_DIR = 1L << 31;
  private static final long GO_MODE_SYMLINK = 1L << 27;

  static PathStat of(JsonObject stat) {
    return new PathStat(
        stat.longValue("mode", 0), stat.bool("isDir", false), stat.string("linkTarget", ""));
  }

  /** A directory itself, or (on Podman) a symlink to one. */
  boolean directory() {
    return (mode & GO_MODE_DIR) != 0 || podmanIsDir;
  }

  /** A symlink whose target the engine did not classify (Docker): look at {@link #linkTarget}. */
  boolean unresolvedSymlink() {
    return (mode & GO_MODE_SYMLINK) != 0 && !podmanIsDir && !linkTarget.isEmpty();
  }
}
