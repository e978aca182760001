package io.pocketdock.mcp;

import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import java.time.Duration;

/** Runs the small shell scripts behind the stand-in tools, turning their failures into tool errors. */
final class Commands {
  /** Resolves {@code $PD_PATH} against the working directory into {@code $P}. */
  static final String RESOLVE_PATH =
      "P=\"$PD_PATH\"; case \"$P\" in /*) ;; *) P=\"$PWD/$P\";; esac\n";

  private Commands() {}

  /** Runs a helper script; a non-zero exit becomes a {@link ToolError} with its stderr. */
  static ExecResult script(Container box, String script, ExecOptions options, String hint) {
    ExecResult r = box.run(script, options.withTimeout(Duration.ofSeconds(60)));
    if (r.exitCode() != 0) {
      String why = r.stderr().trim();
      throw new ToolError(why.isEmpty() ? "failed with exit code " + r.exitCode() : why, hint);
    }
    return r;
  }
}
