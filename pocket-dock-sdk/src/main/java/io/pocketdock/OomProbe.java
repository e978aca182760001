package io.pocketdock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells whether a run that ended with exit 137 (SIGKILL) was killed by the kernel's OOM killer.
 *
 * <p>Neither engine says so: {@code State.OOMKilled} in inspect stays {@code false} when an exec's
 * process (rather than PID 1) is OOM-killed (measured on Docker 20.10 and Podman 4.3). The
 * sandbox's own memory cgroup does count it: {@code oom_kill N} in {@code memory.oom_control}
 * (cgroup v1) or {@code memory.events} (v2), readable from inside. So after a 137 exit only, one
 * small exec reads the counter; a rise since the last reading on this handle means the OOM killer
 * struck during the run. The probe costs nothing on ordinary runs. Two runs killed at the same
 * moment, one by the OOM killer and one by a {@code kill -9}, could both be flagged.
 */
final class OomProbe {
  private static final List<String> READ_COUNTER =
      List.of(
          "/bin/sh",
          "-c",
          "cat /sys/fs/cgroup/memory/memory.oom_control /sys/fs/cgroup/memory.events 2>/dev/null;"
              + " true");

  private final CommandRunner runner;
  private final String target;
  private final AtomicLong lastSeen = new AtomicLong();

  OomProbe(CommandRunner runner, String target) {
    this.runner = runner;
    this.target = target;
  }

  /** {@code result}, flagged {@link ExecResult#oomKilled()} when the OOM killer ended it. */
  ExecResult check(ExecResult result, String containerId) {
    if (result.exitCode() != ExecResult.SIGKILL_EXIT_CODE || result.timedOut()) {
      return result;
    }
    long count;
    try {
      ExecResult read =
          runner.run(
              containerId,
              target,
              READ_COUNTER,
              ExecOptions.defaults().withTimeout(Duration.ofSeconds(10)),
              Duration.ofSeconds(10));
      count = parse(read.stdout());
    } catch (PocketDockException e) {
      return result; // the sandbox went away meanwhile: report the exit as it was
    }
    long before = lastSeen.getAndAccumulate(count, Math::max);
    return count > before ? result.withOomKilled() : result;
  }

  /** Forgets the last reading: a rebooted sandbox's cgroup counts from zero again. */
  void reset() {
    lastSeen.set(0);
  }

  /** The {@code oom_kill} counter in either cgroup version's format; -1 when absent. */
  static long parse(String text) {
    for (String line : text.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && parts[0].equals("oom_kill")) {
        try {
          return Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }
}
