package io.pocketdock.mcp;

import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.WriteOptions;
import java.time.Duration;
import java.util.UUID;

/**
 * Keeps the file tools within the rights of the sandbox's user. The SDK's file calls go through
 * the engine's archive API, which reads and writes as root: right for the Java program that owns
 * the sandbox, wrong for a model, whose commands run as user {@code sandbox}. Without this, a
 * model could overwrite {@code /etc/passwd} with file_write, or read a root-only file of an
 * operator's volume with file_read.
 *
 * <p>A write goes to a fresh, unguessable file under {@code /tmp} through the SDK, and a command
 * running as the sandbox's user then moves it into place: the user's own permissions decide, and
 * a symlink swapped in meanwhile gains nothing. A read is checked by the user first; the read
 * itself is the SDK's.
 */
final class UserAccess {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Exit code of the checks when the path does not exist (the SDK then says so itself). */
  private static final int MISSING = 2;

  private static final String MOVE =
      """
      d=$(dirname -- "$PD_DST")
      fail() { rm -f -- "$PD_SRC"; exit 3; }
      if [ "$PD_PARENTS" = 1 ]; then mkdir -p -- "$d" || fail; fi
      if [ ! -d "$d" ]; then echo "no such directory: $d (set create_parents)" >&2; fail; fi
      if [ -d "$PD_DST" ]; then echo "$PD_DST is a directory" >&2; fail; fi
      err=$(mv -f -- "$PD_SRC" "$PD_DST" 2>&1) || {
        echo "cannot write $PD_DST as user $(id -un 2>/dev/null || id -u): ${err##*: }" >&2; fail; }
      """;

  private static final String CHECK_READ =
      """
      [ -e "$PD_PATH" ] || exit 2
      if [ -f "$PD_PATH" ] && [ ! -r "$PD_PATH" ]; then
        echo "cannot read $PD_PATH as user $(id -un 2>/dev/null || id -u): permission denied" >&2; exit 3; fi
      [ -f "$PD_PATH" ] && stat -L -c %s -- "$PD_PATH"
      exit 0
      """;

  private UserAccess() {}

  /** Writes {@code data} to the absolute {@code path} as the sandbox's user would. */
  static void write(Sandbox s, String path, byte[] data, boolean createParents) {
    String staging = "/tmp/.pocket-dock-upload-" + UUID.randomUUID().toString().replace("-", "");
    s.container().writeFile(staging, data, WriteOptions.defaults());
    ExecOptions o =
        ExecOptions.defaults()
            .withEnv("PD_SRC", staging)
            .withEnv("PD_DST", path)
            .withEnv("PD_PARENTS", createParents ? "1" : "0")
            .withTimeout(TIMEOUT);
    failOn(s.container().run(MOVE, o), "you act as the sandbox's user: write under /home/sandbox or /tmp");
  }

  /**
   * Checks that the sandbox's user may read the absolute {@code path}.
   *
   * @return the size of a regular file, or -1 when it is something else or does not exist (the
   *     SDK's read then reports it)
   */
  static long checkRead(Sandbox s, String path) {
    ExecOptions o = ExecOptions.defaults().withEnv("PD_PATH", path).withTimeout(TIMEOUT);
    ExecResult r = s.container().run(CHECK_READ, o);
    if (r.exitCode() == MISSING) {
      return -1;
    }
    failOn(r, "you act as the sandbox's user; files it cannot read stay closed");
    String size = r.stdout().strip();
    return size.isEmpty() ? -1 : Long.parseLong(size);
  }

  private static void failOn(ExecResult r, String hint) {
    if (r.exitCode() != 0) {
      String why = r.stderr().strip();
      throw new ToolError(why.isEmpty() ? "failed with exit code " + r.exitCode() : why, hint);
    }
  }
}
