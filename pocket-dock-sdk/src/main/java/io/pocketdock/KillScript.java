package io.pocketdock;

import java.time.Duration;
import java.util.List;

/**
 * Signals every process of one run, inside the container. The engine API cannot signal an exec,
 * and the PID it reports is in the host's namespace, so each run carries a random token in its
 * environment ({@code POCKET_DOCK_RUN}) that its whole process tree inherits, including children
 * that daemonize or start new sessions. This script, run as root in a new exec, finds them by that
 * token. For SIGKILL it first stops each round of matches so that none can fork a new child
 * between the scan and the kill, and repeats until nothing is left. POSIX sh only (works with
 * busybox).
 *
 * <p>A run that was only just started may have no process yet: on a loaded engine, {@code exec
 * start} can answer before the process exists. So when the caller knows the run has not ended, the
 * script keeps looking for a while if its first scan finds nothing ({@link #START_GRACE} worth of
 * looks 50 ms apart; a loaded machine stretches each look by its scan), instead of giving up at
 * once. A kill of a run that has ended stays one scan.
 */
final class KillScript {
  static final String ENV = "POCKET_DOCK_RUN";

  /** How long a kill keeps looking for a run that has not ended but has no process yet. */
  static final Duration START_GRACE = Duration.ofSeconds(3);

  private static final Duration LOOK_INTERVAL = Duration.ofMillis(50);

  // $3: how many more scans, 50 ms apart, while nothing matches and nothing was signalled yet. A
  // sleep without fractions (some busybox builds) counts as 20 of them.
  private static final String SCRIPT =
      """
      t="$1"; sig="$2"; looks="${3:-0}"; round=0
      while [ "$round" -lt 20 ]; do
        found=""
        for d in /proc/[0-9]*; do
          if { tr '\\000' '\\n' < "$d/environ"; } 2>/dev/null | grep -qxF "$t"; then
            found="$found ${d#/proc/}"
          fi
        done
        if [ -z "$found" ]; then
          [ "$round" -eq 0 ] && [ "$looks" -gt 0 ] || exit 0
          looks=$((looks - 1))
          sleep 0.05 2>/dev/null || { sleep 1; looks=$((looks - 19)); }
          continue
        fi
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
    return command(variable, token, signal, Duration.ZERO);
  }

  /**
   * Like {@link #command(String, String, String)}, but when the first scan finds no process, the
   * script looks again every 50 ms for up to {@code lookFor} ({@link #START_GRACE} for a run that
   * has not ended as far as the caller knows; zero for one scan only).
   */
  static List<String> command(String variable, String token, String signal, Duration lookFor) {
    return List.of(
        "/bin/sh",
        "-c",
        SCRIPT,
        "pocket-dock-kill",
        variable + "=" + token,
        signal,
        Long.toString(looks(lookFor)));
  }

  /** How many more 50 ms looks fit in {@code lookFor}. */
  static long looks(Duration lookFor) {
    return Math.max(0, lookFor.toMillis() / LOOK_INTERVAL.toMillis());
  }
}
