package io.pocketdock.cli.command;

import org.jspecify.annotations.Nullable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock completion}: prints a shell completion script. */
@Command(
    name = "completion",
    description =
        "Prints a completion script for bash or zsh (zsh loads it through bashcompinit,"
            + " which the script enables itself).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(pocket-dock completion bash)      # in ~/.bashrc",
      "  source <(pocket-dock completion zsh)       # in ~/.zshrc"
    })
public final class CompletionCommand extends DockCommand {
  /** The shells a script can be printed for. */
  public enum Shell {
    /** GNU bash. */
    bash,
    /** zsh, through its bash completion compatibility. */
    zsh
  }

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
  @Nullable Shell shell;

  /** Used by picocli. */
  public CompletionCommand() {}

  @Override
  public Integer call() {
    // picocli's script handles both shells: under zsh it turns on compinit and bashcompinit.
    String script = AutoComplete.bash("pocket-dock", spec().root().commandLine());
    out().print(script);
    out().flush();
    return 0;
  }
}
