package io.pocketdock.mcp;

/**
 * sandbox_snapshot: save a sandbox's filesystem as an image that new sandboxes can start from.
 *
 * <p>Written ahead of the SDK's snapshot API, which is not on this branch and cannot be emulated
 * from inside the container. The server does not list this tool until it can run it: a tool that
 * always fails only wastes a model's turns. Enable it by calling the SDK's snapshot in {@link
 * #spec()}'s handler and adding it in {@link PocketDockTools}.
 */
final class SnapshotTool {
  private SnapshotTool() {}

  static ToolSpec spec() {
    return new ToolSpec(
        "sandbox_snapshot",
        """
        Save a sandbox's current filesystem (installed packages, files) as an image, so that later \
        sandboxes can start from it with sandbox_create's image_name. The sandbox keeps running.""",
        """
        {"type": "object", "properties": {
          %s,
          "image_name": {"type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$", "description": "Name for the image, e.g. 'with-numpy'; it becomes localhost/pocket-dock-snapshot/<name>."}
        }, "required": ["sandbox_id", "image_name"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY),
        a -> {
          throw new ToolError(
              "snapshots are not available in this build of the server",
              "install what you need in the sandbox and keep using it");
        });
  }
}
