package io.pocketdock.mcp;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * sandbox_snapshot and sandbox_resume: keeping work beyond one sandbox or one session. Snapshots
 * are images named {@code localhost/pocket-dock-snapshot/<name>:latest}, which sandbox_create's
 * {@code snapshot} starts from; they stay on the engine until the operator removes them.
 */
final class PersistenceTools {
  /** The repository every snapshot image of the server goes to. */
  static final String SNAPSHOT_REPOSITORY = "localhost/pocket-dock-snapshot/";

  static final Pattern SNAPSHOT_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  static final String SNAPSHOT_PROPERTY =
      """
      "snapshot": {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$", "description": "Start from an image saved earlier with sandbox_snapshot (its name), instead of the profile's image."}""";

  private final Sandboxes sandboxes;

  PersistenceTools(Sandboxes sandboxes) {
    this.sandboxes = sandboxes;
  }

  List<ToolSpec> tools() {
    return List.of(snapshot(), resume());
  }

  /** The image a snapshot name stands for; the name must match {@link #SNAPSHOT_NAME}. */
  static String image(String name) {
    if (!SNAPSHOT_NAME.matcher(name).matches()) {
      throw new ToolError(
          "invalid snapshot name '" + name + "'",
          "use lowercase letters, digits, '.', '_' and '-', at most 64, e.g. 'with-numpy'");
    }
    return SNAPSHOT_REPOSITORY + name + ":latest";
  }

  private ToolSpec snapshot() {
    return new ToolSpec(
        "sandbox_snapshot",
        """
        Save a sandbox's current filesystem (installed packages, files) as a named image, so that \
        later sandboxes, also in later sessions, can start from it with sandbox_create's snapshot. \
        The sandbox keeps running untouched. A name used before is replaced. Mounted volumes are \
        not part of it.""",
        """
        {"type": "object", "properties": {
          %s,
          "name": {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$", "description": "Name for the snapshot, e.g. 'with-numpy'."}
        }, "required": ["sandbox_id", "name"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY),
        a -> {
          Sandbox s = sandboxes.get(a.string("sandbox_id"));
          String name = a.string("name");
          String image = image(name);
          String imageId = s.container().snapshot(image);
          Map<String, Object> m = Reply.fields();
          m.put("snapshot", name);
          m.put("image", image);
          m.put("image_id", imageId);
          m.put("sandbox_id", s.id());
          return Reply.of(m);
        });
  }

  private ToolSpec resume() {
    return new ToolSpec(
        "sandbox_resume",
        """
        Take up a persistent sandbox from an earlier session (sandbox_list shows them under \
        earlier_sandboxes): it is started again with its files as they were, and belongs to this \
        session from now on (it counts toward the limit, and is stopped, not removed, when this \
        session ends).""",
        """
        {"type": "object", "properties": {%s}, "required": ["sandbox_id"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY),
        a -> {
          Sandbox s = sandboxes.resume(a.string("sandbox_id"));
          Map<String, Object> m = Reply.fields();
          m.put("sandbox_id", s.id());
          m.put("image", s.container().spec().imageReference());
          m.put("persist", true);
          m.put("sandboxes_left", sandboxes.remaining());
          return Reply.of(m);
        });
  }
}
