package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.tar.TarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The native fast-exec helper's executable ({@code src/main/c/pd-exec.c}), as built into the SDK's
 * jar for x86_64 Linux, and its installation into a sandbox: {@code
 * /.pocket-dock/pocket-dock-fast-exec-<content hash>}, directory and file owned by root, mode 0755,
 * through the engine's archive API. Not under {@code /tmp}: there the sandbox user could create the
 * directory first and own it; only root can create one in {@code /}. The hash in the name means a sandbox that already has it (reused, resumed)
 * costs one stat, and a newer SDK never runs an older helper. The name also marks the helper's
 * processes (the sh helper's argv[0] says the same).
 */
final class HelperBinary {
  static final String RESOURCE = "helper/linux-x86_64/pd-exec";
  static final String DIR = "/.pocket-dock";
  static final String NAME_PREFIX = "pocket-dock-fast-exec-";

  private static final Duration UPLOAD_DEADLINE = Duration.ofSeconds(30);

  private final byte[] bytes;
  private final String name;

  private HelperBinary(byte[] bytes, String hash) {
    this.bytes = bytes;
    this.name = NAME_PREFIX + hash;
  }

  /** The helper in the SDK's jar; empty when this build has none (no C compiler, not x86_64). */
  static Optional<HelperBinary> bundled() {
    return Bundled.VALUE;
  }

  /** Read and hashed once per class loader, on first use: the jar does not change. */
  private static final class Bundled {
    static final Optional<HelperBinary> VALUE = load();
  }

  private static Optional<HelperBinary> load() {
    try (InputStream in = HelperBinary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] b = in.readAllBytes();
      if (b.length == 0) {
        return Optional.empty();
      }
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(b);
      return Optional.of(new HelperBinary(b, HexFormat.of().formatHex(digest, 0, 8)));
    } catch (IOException | NoSuchAlgorithmException e) {
      return Optional.empty();
    }
  }

  /** Where the helper lives in a sandbox. */
  String path() {
    return DIR + "/" + name;
  }

  int size() {
    return bytes.length;
  }

  /** Whether an image of this architecture (an image inspect's {@code Architecture}) can run it. */
  static boolean runsOn(String architecture) {
    return architecture.equals("amd64") || architecture.equals("x86_64");
  }

  /** Whether the image behind {@code imageReference} can run it; unknown means no. */
  static boolean runsOn(EngineContext engine, String imageReference) {
    try {
      JsonObject image = engine.client.inspectImage(imageReference);
      return runsOn(image.string("Architecture", ""));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Makes sure the helper is in the container: one stat when it is there, else one upload.
   *
   * @throws IOException or {@link EngineResponseException} when the engine refuses (e.g. a
   *     read-only root file system)
   */
  void install(EngineContext engine, String containerId) throws IOException {
    try {
      JsonObject stat = engine.client.statPath(containerId, path());
      if (stat.longValue("size", -1) == bytes.length) {
        return;
      }
    } catch (EngineResponseException missing) {
      // Not there yet (404, or Docker's 500 when a parent is not a directory): upload it.
    }
    Instant now = Instant.now();
    engine.client.putArchive(
        containerId,
        "/",
        out -> {
          TarWriter w = new TarWriter(out).owner(0, 0, "root", "root");
          w.writeDirectory(".pocket-dock/", 0755, now);
          w.writeFile(".pocket-dock/" + name, 0755, bytes);
          w.finish(); // not close(): the transport owns the stream
        },
        UPLOAD_DEADLINE);
  }
}
