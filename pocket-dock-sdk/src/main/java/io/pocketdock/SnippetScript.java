package io.pocketdock;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs a code snippet from a temporary file inside the container, without any shell quoting of
 * the code.
 *
 * <p>The code travels in an environment variable of the exec (the engine passes it as a JSON
 * string, so quotes, {@code $}, backslashes and newlines arrive exactly as written). A small POSIX
 * sh script writes it to a private temporary file with {@code printf '%s'}, removes the variable so
 * the snippet does not see it, runs the interpreter on the file, deletes the file and exits with
 * the interpreter's code. This needs no stdin hijacking (one plain exec, identical on Podman and
 * Docker) and only {@code sh}, {@code mktemp} and {@code printf}, so it works on busybox images.
 * The cost is a size limit: Linux caps one environment string at 128 KiB.
 */
final class SnippetScript {
  static final String CODE_ENV = "POCKET_DOCK_CODE";

  /** Under Linux's 128 KiB limit for one environment string, with room for the name. */
  static final int MAX_CODE_BYTES = 120 * 1024;

  /** Exit code when the interpreter is missing, as a shell reports "command not found". */
  static final int NOT_INSTALLED = 127;

  private static final String SCRIPT =
      """
      if ! command -v "$1" >/dev/null 2>&1; then
        echo "pocket-dock: $1 is not installed in this container's image" >&2; exit 127
      fi
      f=$(umask 077; mktemp "${TMPDIR:-/tmp}/pocket-dock-snippet.XXXXXX") || exit 125
      printf '%s' "$POCKET_DOCK_CODE" > "$f" || { rm -f "$f"; exit 125; }
      unset POCKET_DOCK_CODE
      "$1" "$f"; rc=$?
      rm -f "$f"
      exit $rc
      """;

  private SnippetScript() {}

  /** The exec command that runs a snippet written to {@link #CODE_ENV}. */
  static List<String> command(Language language) {
    return List.of("/bin/sh", "-c", SCRIPT, "pocket-dock-snippet", language.interpreter());
  }

  /** The environment that carries {@code code}; rejects code the environment cannot carry. */
  static Map<String, String> env(String code) {
    if (code.indexOf('\0') >= 0) {
      throw new InvalidArgumentException(
          "run", "the code contains a NUL character", "remove it, or push the code as a file");
    }
    int size = code.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_CODE_BYTES) {
      throw new InvalidArgumentException(
          "run",
          "the code is " + size + " bytes; snippets are limited to " + MAX_CODE_BYTES,
          "write the code to a file in the container and run it with run(\"python3 FILE\")");
    }
    return Map.of(CODE_ENV, code);
  }
}
