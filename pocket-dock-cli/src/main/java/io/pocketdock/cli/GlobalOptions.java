package io.pocketdock.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --socket} and {@code --verbose}, mixed into the root and every subcommand so they work
 * before or after the subcommand name. Whichever command parses them, the value is stored on the
 * root's instance, so there is one answer to "was --verbose given".
 */
public final class GlobalOptions {
  @Spec(Spec.Target.MIXEE)
  private @Nullable CommandSpec mixee;

  private @Nullable Path socket;
  private boolean verbose;

  /** Used by picocli. */
  public GlobalOptions() {}

  @Option(
      names = "--socket",
      paramLabel = "PATH",
      description =
          "Engine socket to use (default: $POCKET_DOCK_SOCKET, then the Podman and Docker sockets).")
  void socket(@Nullable Path path) {
    // picocli may apply the (absent) default when a subcommand starts parsing; never erase a value.
    if (path != null) {
      effective().socket = path;
    }
  }

  @Option(
      names = {"-v", "--verbose"},
      description = "Print each engine request, and the stack trace of errors.")
  void verbose(boolean value) {
    if (value) {
      effective().verbose = true;
    }
  }

  /** The socket given on the command line, if any. */
  public Optional<Path> socket() {
    return Optional.ofNullable(effective().socket);
  }

  /** Whether {@code --verbose} was given anywhere on the command line. */
  public boolean verbose() {
    return effective().verbose;
  }

  /** The root command's instance, which holds the values; this one when used without a root. */
  private GlobalOptions effective() {
    CommandSpec s = mixee;
    if (s == null) {
      return this;
    }
    while (s.parent() != null) {
      s = s.parent();
    }
    return s.userObject() instanceof PocketDockCommand root ? root.global() : this;
  }
}
