package io.pocketdock.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.pocketdock.FileEntry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * file_write, file_read, file_list: files inside a sandbox (never on the host), moved by the SDK's
 * file calls, within the rights of the sandbox's user ({@link UserAccess}).
 */
final class FileTools {
  /** Most bytes one file_write may carry (decoded). */
  static final int MAX_WRITE = 8 << 20;

  /**
   * Largest file file_read loads to return a part of it: the SDK reads a file whole, and one huge
   * log must not exhaust the server's memory. Bigger ones are read with commands.
   */
  static final long MAX_READ_SOURCE = 64L << 20;

  /** Most entries file_list returns. */
  static final int MAX_ENTRIES = 1000;

  private static final String PATH_PROPERTY =
      """
      "path": {"type": "string", "description": "Path inside the sandbox; relative paths are under the working directory (/home/sandbox)."}""";

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
        for binary data (set encoding). Missing parent directories are created unless \
        create_parents is false. You write as user 'sandbox' (so not into /etc, say); the file \
        is replaced, not edited in place, and gets mode 644. At most 8 MiB per call. Returns the absolute path and the number of bytes written.""",
        """
        {"type": "object", "properties": {
          %s,
          %s,
          "content": {"type": "string", "description": "The file's content."},
          "encoding": {"type": "string", "enum": ["utf-8", "base64"], "default": "utf-8"},
          "create_parents": {"type": "boolean", "default": true, "description": "Create missing parent directories (like mkdir -p). If false, a missing parent is an error."}
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
    if (data.length > MAX_WRITE) {
      throw new ToolError(
          "content is " + data.length + " bytes, more than the " + MAX_WRITE + " one call may carry",
          "split it into parts, or generate the file inside the sandbox with a command");
    }
    String path = s.absolute(a.string("path"));
    UserAccess.write(s, path, data, a.bool("create_parents", true));
    Map<String, Object> m = Reply.fields();
    m.put("path", path);
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
        offset). 'size' is the whole file's size. Files over 64 MiB cannot be read this way: use \
        sandbox_run with head, tail or grep.""",
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
    int max = (int) a.integer("max_bytes", 65536, 1, 1 << 20);
    String path = s.absolute(a.string("path"));
    long size = UserAccess.checkRead(s, path);
    if (size > MAX_READ_SOURCE) {
      throw new ToolError(
          path + " is " + size + " bytes; file_read reads files up to " + MAX_READ_SOURCE,
          "read parts with sandbox_run, e.g. 'tail -c 65536 FILE', 'head -n 100 FILE' or 'grep'");
    }
    byte[] whole = s.container().readFile(path);
    int from = (int) Math.min(offset, whole.length);
    byte[] data = Arrays.copyOfRange(whole, from, (int) Math.min(whole.length, (long) from + max));
    Map<String, Object> m = Reply.fields();
    m.put("path", path);
    m.put("size", whole.length);
    m.put("offset", offset);
    String text = utf8(data);
    m.put("encoding", text != null ? "utf-8" : "base64");
    m.put("content", text != null ? text : Base64.getEncoder().encodeToString(data));
    m.put("truncated", from + data.length < whole.length);
    List<McpSchema.Content> extra = Reply.none();
    String media = imageType(path);
    if (media != null && data.length == whole.length) {
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
        """
        List a directory in the sandbox: each entry's name, type (file, dir, link, other), size in \
        bytes, mode (octal), modification time, and a link's target. Hidden entries included, \
        sorted by name, at most 1000 ('more' says whether there were more).""",
        """
        {"type": "object", "properties": {
          %s,
          "path": {"type": "string", "default": ".", "description": "Directory inside the sandbox; relative paths are under the working directory (/home/sandbox)."}
        }, "required": ["sandbox_id"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY),
        this::doList);
  }

  private Reply doList(Args a) {
    Sandbox s = sandboxes.get(a.string("sandbox_id"));
    String path = s.absolute(a.string("path", "."));
    List<FileEntry> all = s.container().listFiles(path);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (FileEntry f : all.subList(0, Math.min(all.size(), MAX_ENTRIES))) {
      Map<String, Object> e = Reply.fields();
      e.put("name", f.name());
      e.put(
          "type",
          switch (f.type()) {
            case FILE -> "file";
            case DIRECTORY -> "dir";
            case SYMLINK -> "link";
            case OTHER -> "other";
          });
      e.put("size", f.size());
      e.put("mode", String.format(Locale.ROOT, "%04o", f.mode()));
      e.put("modified", f.modified().truncatedTo(ChronoUnit.SECONDS).toString());
      f.linkTarget().ifPresent(t -> e.put("target", t));
      entries.add(e);
    }
    Map<String, Object> m = Reply.fields();
    m.put("path", path);
    m.put("entries", entries);
    m.put("more", all.size() > MAX_ENTRIES);
    return Reply.of(m);
  }
}
