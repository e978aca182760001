package io.pocketdock;

/**
 * What a {@link ShellSession} writes to its shell's stdin. First, once, {@link #SETUP}: it forgets
 * the shell's own tag ({@link #SHELL_ENV}, which stays visible in the shell's {@code
 * /proc/PID/environ} only, so the kill script can signal the shell alone), ignores SIGINT between
 * commands, and defines {@code __pd_run}. Then each command becomes one complete shell command that
 * the shell parses in full before running any of it:
 *
 * <pre>
 * printf '%s%s\n' __pd_s_ ID; printf '%s%s\n' __pd_s_ ID &gt;&amp;2;
 * POCKET_DOCK_CMD=TOKEN; export POCKET_DOCK_CMD; trap 'return 130' INT;
 * __pd_run 'COMMAND' &lt;/dev/null; __pd_rc=$?; trap '' INT;
 * printf '\n%s%s %s\n' __pd_e_ ID "$__pd_rc"; printf '\n%s%s\n' __pd_e_ ID &gt;&amp;2
 * </pre>
 *
 * <ul>
 *   <li>The command is single-quoted and run by {@code eval} in a function of the shell itself, so
 *       {@code cd}, exports and functions persist, and any text (quotes, {@code $}, newlines,
 *       heredocs) is safe.
 *   <li>{@code command eval} rather than {@code eval}: a syntax error in a special built-in ends a
 *       POSIX shell, but not when run through {@code command}; the error becomes exit code 2.
 *   <li>Interrupting: SIGINT to the shell runs {@code return 130} as soon as the current child
 *       ends, which leaves the function and so skips the rest of the command line (bash, dash and
 *       busybox ash agree); SIGINT to the processes tagged {@code POCKET_DOCK_CMD} ends the child.
 *       A caught signal is reset to default in children, so commands see a normal SIGINT.
 *   <li>Markers are printed as two {@code printf} arguments, so the marker text never appears in
 *       the input (a shell with {@code set -v} echoes input to stderr).
 *   <li>stdin is {@code /dev/null}: a command that reads stdin sees end of input instead of
 *       swallowing the session's next commands.
 * </ul>
 */
final class SessionProtocol {
  static final String START = "__pd_s_";
  static final String END = "__pd_e_";

  /** The environment variable naming the current command's processes. */
  static final String COMMAND_ENV = "POCKET_DOCK_CMD";

  /** The environment variable that names the shell process alone (it unsets it for children). */
  static final String SHELL_ENV = "POCKET_DOCK_SHELL";

  /** Written once when the session opens. */
  static final String SETUP =
      "unset " + SHELL_ENV + "; trap '' INT; "
          + "__pd_run() { __pd_c=$1; shift; command eval \"$__pd_c\"; }\n";

  private SessionProtocol() {}

  /** The stdin text that runs {@code command} between markers {@code id}, tagged {@code token}. */
  static String wrap(String command, String id, String token) {
    return "printf '%s%s\\n' " + START + " " + id + "; printf '%s%s\\n' " + START + " " + id + " >&2; "
        + COMMAND_ENV + "=" + token + "; export " + COMMAND_ENV + "; "
        + run(command) + "; __pd_rc=$?; trap '' INT; "
        + "printf '\\n%s%s %s\\n' " + END + " " + id + " \"$__pd_rc\"; printf '\\n%s%s\\n' " + END + " " + id + " >&2\n";
  }

  /** The stdin text that runs {@code command} without waiting for it. */
  static String fireAndForget(String command) {
    return run(command) + "; trap '' INT\n";
  }

  private static String run(String command) {
    return "trap 'return 130' INT; __pd_run " + quote(command) + " </dev/null";
  }

  /** Single-quotes {@code text} for sh: every {@code '} becomes {@code '\''}. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
