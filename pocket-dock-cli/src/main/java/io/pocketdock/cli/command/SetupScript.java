package io.pocketdock.cli.command;

import io.pocketdock.cli.CliException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code scripts/setup-engines} of the pocket-dock checkout this CLI came from: found under {@code
 * POCKET_DOCK_HOME}, or two levels above the jar ({@code <repo>/pocket-dock-cli/target/pocket-dock.jar}).
 */
final class SetupScript {
  static final String RELATIVE = "scripts/setup-engines";

  private final Path script;

  private SetupScript(Path script) {
    this.script = script;
  }

  /** Where the script is, if this CLI runs from a checkout (or {@code POCKET_DOCK_HOME} names one). */
  static Optional<SetupScript> locate(Map<String, String> env, @Nullable Path jar) {
    String home = env.get("POCKET_DOCK_HOME");
    if (home != null && !home.isBlank()) {
      Optional<SetupScript> s = in(Path.of(home));
      if (s.isPresent()) {
        return s;
      }
    }
    if (jar != null && jar.getParent() != null && jar.getParent().getParent() != null) {
      Path repo = jar.toAbsolutePath().getParent().getParent().getParent();
      if (repo != null) {
        return in(repo);
      }
    }
    return Optional.empty();
  }

  /** The jar (or classes directory) this class was loaded from. */
  static @Nullable Path ownJar() {
    try {
      var source = SetupScript.class.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static Optional<SetupScript> in(Path repo) {
    Path s = repo.resolve(RELATIVE);
    return Files.isRegularFile(s) ? Optional.of(new SetupScript(s)) : Optional.empty();
  }

  Path path() {
    return script;
  }

  /** Runs the script with bash, copying its output (stdout and stderr) to {@code out} as it comes. */
  void run(PrintWriter out) {
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    pb.directory(script.getParent().getParent().toFile());
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          out.println("  | " + line);
          out.flush();
        }
      }
      int code = p.waitFor();
      if (code != 0) {
        throw new CliException(
            script + " failed with exit code " + code, "read its output above, fix, and run it again");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while running " + script, null);
    }
  }
}
