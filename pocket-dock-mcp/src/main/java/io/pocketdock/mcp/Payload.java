package io.pocketdock.mcp;

import io.pocketdock.ExecOptions;
import java.util.Base64;

/**
 * Carries bytes into a command without quoting: base64 in environment variables, decoded in the
 * container by {@code base64 -d}. One variable holds at most 96 KiB because Linux limits a single
 * environment string to 128 KiB.
 *
 * <p>Stand-in: file writes and code snippets use this until the SDK's file and language APIs land
 * on this branch; then they call those instead.
 */
final class Payload {
  /** Most bytes one call may carry (before base64). */
  static final int MAX_BYTES = 1 << 20;

  private static final int CHUNK = 96 * 1024;

  private Payload() {}

  /** The options with the data attached, and the shell expression that writes the data to stdout. */
  record Attached(ExecOptions options, String decode) {}

  static Attached attach(ExecOptions options, byte[] data) {
    if (data.length > MAX_BYTES) {
      throw new ToolError(
          "content is " + data.length + " bytes, more than the " + MAX_BYTES + " one call may carry",
          "split it into parts, or generate the file inside the sandbox with a command");
    }
    String b64 = Base64.getEncoder().encodeToString(data);
    StringBuilder decode = new StringBuilder("{ :");
    ExecOptions o = options;
    for (int i = 0, n = 0; i < b64.length(); i += CHUNK, n++) {
      o = o.withEnv("PD_DATA_" + n, b64.substring(i, Math.min(b64.length(), i + CHUNK)));
      decode.append("; printf %s \"$PD_DATA_").append(n).append('"');
    }
    decode.append("; } | base64 -d");
    return new Attached(o, decode.toString());
  }
}
