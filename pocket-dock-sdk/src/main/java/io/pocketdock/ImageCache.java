package io.pocketdock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Where the offline base root file system is cached, and the SDK version for image labels. */
final class ImageCache {
  private ImageCache() {}

  /**
   * {@code explicit}, else {@code $POCKET_DOCK_CACHE}, else {@code /var/cache/pocket-dock} when it
   * is writable (the directory setup-engines uses, so both share a tarball), else {@code
   * $XDG_CACHE_HOME/pocket-dock} or {@code ~/.cache/pocket-dock}.
   */
  static Path dir(@Nullable Path explicit) {
    if (explicit != null) {
      return explicit;
    }
    String env = System.getenv("POCKET_DOCK_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path system = Path.of("/var/cache/pocket-dock");
    if (Files.isDirectory(system) ? Files.isWritable(system) : Files.isWritable(system.getParent())) {
      return system;
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home", "/tmp"), ".cache");
    return base.resolve("pocket-dock");
  }

  /** The SDK's version, from the jar; {@code dev} when run from unfiltered sources. */
  static String sdkVersion() {
    try (InputStream in = ImageCache.class.getResourceAsStream("version.txt")) {
      String v = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return v.isEmpty() || v.startsWith("$") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
