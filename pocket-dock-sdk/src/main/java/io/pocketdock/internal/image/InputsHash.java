package io.pocketdock.internal.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of everything a profile's image is made from: the base image's id, each context file's
 * path and content hash (sorted by path), and the build arguments (sorted by name). An image whose
 * {@code io.pocketdock.inputs-hash} label equals it is current. {@code scripts/setup-engines}
 * computes the same text with sha256sum, so an image either one built counts as current for the
 * other; keep the two in step.
 *
 * <pre>
 * pocket-dock-inputs v1
 * base sha256:...
 * file Dockerfile 3f2a...
 * arg BASE_IMAGE=localhost/pocket-dock/base:bookworm
 * </pre>
 */
public final class InputsHash {
  /** The image label that carries the hash. */
  public static final String LABEL = "io.pocketdock.inputs-hash";

  private InputsHash() {}

  /** The hash, as 64 lower-case hex digits. */
  public static String of(
      String baseImageId, List<ProfileDefinition.ContextFile> files, Map<String, String> args) {
    StringBuilder text = new StringBuilder("pocket-dock-inputs v1\n");
    text.append("base ").append(baseImageId).append('\n');
    for (ProfileDefinition.ContextFile f : files) {
      text.append("file ").append(f.path()).append(' ').append(sha256(f.content())).append('\n');
    }
    new TreeMap<>(args).forEach((k, v) -> text.append("arg ").append(k).append('=').append(v).append('\n'));
    return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of {@code bytes} in lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
