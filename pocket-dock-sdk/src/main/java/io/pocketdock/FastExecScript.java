package io.pocketdock;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fast-exec helper: a POSIX {@code sh} loop (dash, bash and busybox alike) started once per
 * channel in the sandbox, reading one request at a time from its stdin.
 *
 * <p>A request is two records, each a line holding a line count followed by that many lines: the
 * run's marker, and a script the helper evaluates in a subshell. The script (built by {@link
 * #request}, every value single-quoted) changes directory, prints the start marker, exports the
 * run's environment and {@code exec}s {@code /bin/sh -c COMMAND}: the same argv as the exec API.
 *
 * <p>The command's stdout and stderr are fresh pipes copied by two {@code cat}s to the helper's
 * own, so a run is over only when every process holding them has closed them (as with the exec
 * API), and a background child that keeps writing can never mix into a later run. Its stdin is
 * {@code /dev/null}. After the exit code ({@code R<code>;}, on stdout, when the shell exits) and
 * once both pipes are drained, the helper writes the end marker on both streams. The helper's own
 * stderr is {@code /dev/null} while it waits, so the shell's job messages ("Killed" when a timeout
 * SIGKILLs the command) never reach the run's stderr: the exec API shows none either.
 */
final class FastExecScript {
  /** The largest command sent to the helper; longer ones go through the exec API. */
  static final int MAX_COMMAND_CHARS = 32 * 1024;

  private static final String LOOP =
      """
      rec() {
        IFS= read -r n || exit 0
        v= i=0
        while [ "$i" -lt "$n" ]; do
          IFS= read -r l || exit 0
          if [ "$i" -eq 0 ]; then v=$l; else v="$v
      $l"; fi
          i=$((i + 1))
        done
      }
      while :; do
        rec; m=$v
        rec; s=$v
        { { ( eval "$s" ) </dev/null 2>&4 4>&-; printf '%sR%d;' "$m" "$?"; } \
            4>&1 1>&3 3>&- 2>/dev/null | cat 1>&2 3>&-; } 3>&1 | cat
        printf '%sE' "$m"
        printf '%sE' "$m" >&2
      done
      """;

  private FastExecScript() {}

  /** The helper's exec command. */
  static List<String> command() {
    return List.of("/bin/sh", "-c", LOOP, "pocket-dock-fast-exec");
  }

  /** The bytes of one request. */
  static byte[] request(
      String marker, String token, @Nullable String workdir, Map<String, String> env, String command) {
    StringBuilder s = new StringBuilder();
    if (workdir != null) {
      // A missing directory ends the subshell before the start marker: the run then goes through
      // the exec API, which reports it exactly as it always does.
      // The shell's cd exports OLDPWD, which an exec'd command would not have.
      s.append("cd -- ").append(quote(workdir)).append(" 2>/dev/null || exit 1; unset OLDPWD; ");
    }
    s.append("printf '%s' ").append(quote(marker + "S")).append("; export ");
    s.append(quote(KillScript.ENV + "=" + token));
    for (Map.Entry<String, String> e : env.entrySet()) {
      s.append(' ').append(quote(e.getKey() + "=" + e.getValue()));
    }
    s.append("; exec /bin/sh -c ").append(quote(command));
    StringBuilder out = new StringBuilder();
    record(out, marker);
    record(out, s.toString());
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the helper can carry {@code text} (the shell's read drops NUL bytes). */
  static boolean carries(String text) {
    return text.indexOf('\0') < 0;
  }

  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  private static void record(StringBuilder out, String value) {
    int lines = 1;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == '\n') {
        lines++;
      }
    }
    out.append(lines).append('\n').append(value).append('\n');
  }
}
