package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Commits a container to an image. Names are fully qualified before they reach the engine ({@code
 * snap} becomes {@code localhost/snap:latest}), because Podman's compat API would otherwise
 * qualify a short name as {@code docker.io/...} and the two engines would disagree (see
 * ENGINE-NOTES). The result is verified by inspecting the name, and its id comes from there, so
 * both engines return the same {@code sha256:...} form.
 */
final class Snapshots {
  private static final Pattern REPO =
      Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private Snapshots() {}

  /** {@code repo} and {@code tag} of a name, qualified with {@code localhost/} when short. */
  static String[] qualify(String imageName) {
    String name = imageName.trim();
    int slash = name.lastIndexOf('/');
    int colon = name.lastIndexOf(':');
    String repo = colon > slash ? name.substring(0, colon) : name;
    String tag = colon > slash ? name.substring(colon + 1) : "latest";
    String first = repo.contains("/") ? repo.substring(0, repo.indexOf('/')) : "";
    boolean hasRegistry = first.equals("localhost") || first.contains(".") || first.contains(":");
    if (!hasRegistry) {
      repo = "localhost/" + repo;
    }
    if (!REPO.matcher(repo).matches() || !TAG.matcher(tag).matches()) {
      throw new InvalidArgumentException(
          "snapshot",
          "invalid image name '" + imageName + "'",
          "use lowercase letters, digits, '.', '_', '-' and '/', optionally ':tag'");
    }
    return new String[] {repo, tag};
  }

  /** Commits {@code containerId} to {@code imageName}; returns the image id. */
  static String commit(EngineContext engine, String containerId, String target, String imageName) {
    String[] rt = qualify(imageName);
    List<String> changes =
        List.of(
            "LABEL " + Labels.SNAPSHOT_SOURCE + "=" + containerId,
            "LABEL " + Labels.SNAPSHOT_TIME + "=" + Instant.now());
    try {
      engine.client.commit(containerId, rt[0], rt[1], changes);
      return engine.client.inspectImage(rt[0] + ":" + rt[1]).string("Id", "");
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("snapshot", target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo("snapshot", target, engine.socket(), e);
    }
  }
}
