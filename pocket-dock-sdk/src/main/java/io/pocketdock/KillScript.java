package io.pocketdock;

import java.util.List;

/**
 * Signals every process of one run, inside the container. The engine API cannot signal an exec,
 * and the PID it reports is in the host's namespace, so each run carries a random token in its
 * environment ({@code POCKET_DOCK_RUN}) that its whole process tree inherits, including children
 * that daemonize or start new sessions. This script, run as root in a new exec, finds them by that
 * token. For SIGKILL it first stops each round of matches so that none can fork a new child
 * between the scan and the kill, and repeats until nothing is left. POSIX sh only (works with
 * busybox).
 */
final class KillScript {
  static final String ENV = "POCKET_DOCK_RUN";

  private static final String SCRIPT =
      """
      t="$1"; sig="$2"; round=0
      while [ "$round" -lt 20 ]; do
        found=""
        for d in /proc/[0-9]*; do
          if { tr '\\000' '\\n' < "$d/environ"; } 2>/dev/null | grep -qxF "$t"; then
            found="$found ${d#/proc/}"
          fi
        done
        [ -z "$found" ] && exit 0
        if [ "$sig" != KILL ]; then kill -s "$sig" $found 2>/dev/null; exit 0; fi
        kill -s STOP $found 2>/dev/null
        kill -s KILL $found 2>/dev/null
        round=$((round + 1))
      done
      exit 1
      """;

  private KillScript() {}

  /** The exec command that sends {@code signal} (a name such as KILL or TERM) to run {@code token}. */
  static List<String> command(String token, String signal) {
    return command(ENV, token, signal);
  }

  /**
   * The exec command that sends {@code signal} to every process whose environment has {@code
   * variable=token}, e.g. one session command's processes ({@link SessionProtocol#COMMAND_ENV}).
   */
  static List<String> command(String variable, String token, String signal) {
    return List.of("/bin/sh", "-c", SCRIPT, "pocket-dock-kill", variable + "=" + token, signal);
  }
}
