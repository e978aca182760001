package io.pocketdock.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * file_write, file_read, file_list: files inside a sandbox (never on the host).
 *
 * <p>Stand-in: implemented as small shell scripts over run() (data as base64 through the
 * environment) until the SDK's file API lands on this branch; then they call it instead.
 */
final class FileTools {
  private static final String PATH_PROPERTY =
      """
      "path": {"type": "string", "description": "Path inside the sandbox; relative paths are under /home/sandbox."}""";

  private final Sandboxes sandboxes;

  FileTools(Sandboxes sandboxes) {
    this.sandboxes = sandboxes;
  }

  List<ToolSpec> tools() {
    return List.of(write(), read(), list());
  }

  private ToolSpec write() {
    return new ToolSpec(
        "file_write",
        """
        Write a file in the sandbox, replacing it if it exists. Content is UTF-8 text, or base64 \
        for binary data (set encoding). Missing parent directories are created. At most 1 MiB per \
        call. Returns the absolute path and the number of bytes written.""",
        """
        {"type": "object", "properties": {
          %s,
          %s,
          "content": {"type": "string", "description": "The file's content."},
          "encoding": {"type": "string", "enum": ["utf-8", "base64"], "default": "utf-8"}
        }, "required": ["sandbox_id", "path", "content"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY, PATH_PROPERTY),
        this::doWrite);
  }

  private Reply doWrite(Args a) {
    Sandbox s = sandboxes.get(a.string("sandbox_id"));
    String content = a.optString("content");
    if (content == null) {
      throw new ToolError("missing required argument 'content'");
    }
    byte[] data =
        switch (a.string("encoding", "utf-8").toLowerCase(Locale.ROOT)) {
          case "utf-8", "utf8", "text" -> content.getBytes(StandardCharsets.UTF_8);
          case "base64" -> decodeBase64(content);
          default -> throw new ToolError("encoding must be 'utf-8' or 'base64'");
        };
    Payload.Attached p =
        Payload.attach(ExecOptions.defaults().withEnv("PD_PATH", a.string("path")), data);
    String script =
        Commands.RESOLVE_PATH
            + "mkdir -p -- \"$(dirname -- \"$P\")\" || exit 3\n"
            + "if [ -d \"$P\" ]; then echo \"$P is a directory\" >&2; exit 3; fi\n"
            + p.decode() + " > \"$P\" || exit 3\n"
            + "printf '%s' \"$P\"";
    ExecResult r = Commands.script(s.container(), script, p.options(), "check the path and permissions (you are user 'sandbox')");
    Map<String, Object> m = Reply.fields();
    m.put("path", r.stdout());
    m.put("bytes", data.length);
    return Reply.of(m);
  }

  private static byte[] decodeBase64(String text) {
    try {
      return Base64.getMimeDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new ToolError("content is not valid base64: " + e.getMessage());
    }
  }

  private ToolSpec read() {
    return new ToolSpec(
        "file_read",
        """
        Read a file from the sandbox. Text comes back as UTF-8 (encoding 'utf-8'); anything else \
        as base64 (encoding 'base64'); PNG, JPEG and GIF images are also returned as images. Reads \
        at most max_bytes from offset; 'truncated' says whether more follows (read on with a larger \
        offset). 'size' is the whole file's size.""",
        """
        {"type": "object", "properties": {
          %s,
          %s,
          "offset": {"type": "integer", "minimum": 0, "default": 0, "description": "Byte offset to start at."},
          "max_bytes": {"type": "integer", "minimum": 1, "maximum": 1048576, "default": 65536, "description": "Most bytes to return."}
        }, "required": ["sandbox_id", "path"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY, PATH_PROPERTY),
        this::doRead);
  }

  private Reply doRead(Args a) {
    Sandbox s = sandboxes.get(a.string("sandbox_id"));
    long offset = a.integer("offset", 0, 0, Long.MAX_VALUE / 2);
    long max = a.integer("max_bytes", 65536, 1, 1 << 20);
    ExecOptions o =
        ExecOptions.defaults()
            .withEnv("PD_PATH", a.string("path"))
            .withEnv("PD_OFFSET", Long.toString(offset))
            .withEnv("PD_MAX", Long.toString(max))
            .withMaxOutput(4L << 20);
    String script =
        Commands.RESOLVE_PATH
            + "if [ ! -e \"$P\" ]; then echo \"no such file: $P\" >&2; exit 2; fi\n"
            + "if [ -d \"$P\" ]; then echo \"$P is a directory (use file_list)\" >&2; exit 2; fi\n"
            + "S=$(wc -c < \"$P\") || exit 3\n"
            + "printf '%s\\n%s\\n' \"$P\" \"$S\"\n"
            + "tail -c +$((PD_OFFSET + 1)) \"$P\" | head -c \"$PD_MAX\" | base64 -w0";
    ExecResult r = Commands.script(s.container(), script, o, "file_list shows what exists");
    String[] parts = r.stdout().split("\n", 3);
    String path = parts[0];
    long size = Long.parseLong(parts[1].trim());
    byte[] data = Base64.getDecoder().decode(parts.length > 2 ? parts[2].trim() : "");
    Map<String, Object> m = Reply.fields();
    m.put("path", path);
    m.put("size", size);
    m.put("offset", offset);
    String text = utf8(data);
    m.put("encoding", text != null ? "utf-8" : "base64");
    m.put("content", text != null ? text : Base64.getEncoder().encodeToString(data));
    m.put("truncated", offset + data.length < size);
    List<McpSchema.Content> extra = Reply.none();
    String media = imageType(path);
    if (media != null && offset == 0 && data.length == size) {
      extra.add(new McpSchema.ImageContent(null, Base64.getEncoder().encodeToString(data), media, null));
    }
    return new Reply(m, extra);
  }

  /** The bytes as text, or null when they are not UTF-8 text (or contain NUL). */
  private static @Nullable String utf8(byte[] data) {
    for (byte b : data) {
      if (b == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static @Nullable String imageType(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".png")) {
      return "image/png";
    }
    if (p.endsWith(".jpg") || p.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    return p.endsWith(".gif") ? "image/gif" : null;
  }

  private ToolSpec list() {
    return new ToolSpec(
        "file_list",
        "List a directory in the sandbox: each entry's name, type (file, dir, link, other), size in bytes and modification time. At most 1000 entries.",
        """
        {"type": "object", "properties": {
          %s,
          "path": {"type": "string", "default": ".", "description": "Directory inside the sandbox; relative paths are under /home/sandbox."}
        }, "required": ["sandbox_id"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY),
        this::doList);
  }

  private Reply doList(Args a) {
    Sandbox s = sandboxes.get(a.string("sandbox_id"));
    ExecOptions o = ExecOptions.defaults().withEnv("PD_PATH", a.string("path", "."));
    String script =
        Commands.RESOLVE_PATH
            + "if [ ! -d \"$P\" ]; then echo \"not a directory: $P\" >&2; exit 2; fi\n"
            + "cd \"$P\" && pwd && find . -mindepth 1 -maxdepth 1 -printf '%y\\t%s\\t%T@\\t%f\\n' | sort -t \"$(printf '\\t')\" -k4 | head -n 1000";
    ExecResult r = Commands.script(s.container(), script, o, "file_list needs a directory");
    String[] lines = r.stdout().split("\n");
    List<Map<String, Object>> entries = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split("\t", 4);
      if (f.length < 4) {
        continue;
      }
      Map<String, Object> e = Reply.fields();
      e.put("name", f[3]);
      e.put("type", switch (f[0]) {
        case "f" -> "file";
        case "d" -> "dir";
        case "l" -> "link";
        default -> "other";
      });
      e.put("size", Long.parseLong(f[1]));
      e.put("modified", Instant.ofEpochSecond((long) Double.parseDouble(f[2])).toString());
      entries.add(e);
    }
    Map<String, Object> m = Reply.fields();
    m.put("path", lines[0]);
    m.put("entries", entries);
    return Reply.of(m);
  }
}
