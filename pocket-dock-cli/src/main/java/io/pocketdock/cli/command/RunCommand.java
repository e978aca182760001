package io.pocketdock.cli.command;

import io.pocketdock.BackgroundProcess;
import io.pocketdock.Container;
import io.pocketdock.ExecStream;
import io.pocketdock.Language;
import io.pocketdock.StdStream;
import io.pocketdock.StreamChunk;
import java.io.PrintWriter;
import picocli.CommandLine.ParameterException;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.JsonWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock run}: runs one shell command in a sandbox and exits with its exit code. */
@Command(
    name = "run",
    description =
        "Runs a shell command (/bin/sh -c) in a sandbox. The words of COMMAND are "
            + "joined with spaces into one command line, so quote what the shell inside "
            + "should see. Its stdout and stderr go to this process's stdout and stderr, and "
            + "pocket-dock exits with its exit code; on timeout its process tree is killed, a"
            + " notice goes to stderr and the exit code is 124. Options go before COMMAND: "
            + "everything from COMMAND's first word on belongs to it.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  pocket-dock run box1 -- uname -a",
      "  pocket-dock run box1 'echo $HOME; ls -la /tmp'",
      "  pocket-dock run box1 --timeout 5 --json \"python3 -c 'print(6 * 7)'\"",
      "  pocket-dock run box1 --stream -- 'for i in 1 2 3; do echo $i; sleep 1; done'",
      "  pocket-dock run box1 --detach -- python3 -m http.server 8000",
      "  pocket-dock run box1 --lang python -- 'print(\"hi\")'",
      "  echo 'console.log(6 * 7)' | pocket-dock run box2 --lang node -"
    })
public final class RunCommand extends DockCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER", description = "Name or id of the sandbox.")
  @Nullable String container;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "COMMAND",
      description = "The command and its arguments.",
      parameterConsumer = RestOfLine.class)
  List<String> command = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Kill the command after this long (default: the sandbox's, 30 unless set).")
  @Nullable Long timeout;

  @Option(names = "--stream", description = "Show output as it arrives instead of when the command ends.")
  boolean stream;

  @Option(
      names = "--detach",
      description =
          "Start the command in the background, print its process (exec) id and return at once;"
              + " it keeps running in the sandbox (see docs/cli.md for what that guarantees).")
  boolean detach;

  @Option(
      names = "--lang",
      paramLabel = "L",
      description =
          "Run COMMAND as a code snippet in python, node, bash or sh (no shell quoting: the words"
              + " are the code); COMMAND `-` reads the code from stdin.")
  @Nullable String lang;

  @Option(
      names = "--json",
      description =
          "Print one object {\"exit_code\",\"stdout\",\"stderr\",\"duration_ms\",\"timed_out\",\"truncated\"}.")
  boolean json;

  /** Used by picocli. */
  public RunCommand() {}

  @Override
  public Integer call() {
    if ((stream ? 1 : 0) + (detach ? 1 : 0) + (json ? 1 : 0) > 1) {
      throw new ParameterException(spec().commandLine(), "--stream, --detach and --json exclude each other");
    }
    ExecOptions options = ExecOptions.defaults();
    if (timeout != null) {
      options = options.withTimeout(Duration.ofSeconds(timeout));
    }
    Language language = lang == null ? null : Language.parse(lang);
    String line =
        language != null && command.equals(List.of("-")) ? terminal().readAll() : String.join(" ", command);
    ExecResult result;
    try (Dock dock = root().connect()) {
      Container box = dock.attach(java.util.Objects.requireNonNull(container));
      if (detach) {
        BackgroundProcess p =
            language == null ? box.runDetached(line, options) : box.runDetached(line, language, options);
        out().println(p.id());
        out().flush();
        return 0;
      }
      if (stream) {
        result = stream(language == null ? box.stream(line, options) : box.stream(line, language, options));
      } else {
        result = language == null ? box.run(line, options) : box.run(line, language, options);
      }
    }
    if (stream) {
      notices(result);
    } else if (json) {
      out().println(JsonWriter.write(toJson(result)));
    } else {
      out().print(result.stdout());
      err().print(result.stderr());
      notices(result);
    }
    out().flush();
    err().flush();
    return result.timedOut() ? ExecResult.TIMEOUT_EXIT_CODE : result.exitCode();
  }

  /** Prints each chunk to stdout or stderr as it arrives; the result no longer needs printing. */
  private ExecResult stream(ExecStream s) {
    try (s) {
      for (StreamChunk c : s) {
        PrintWriter w = c.stream() == StdStream.STDERR ? err() : out();
        w.print(c.data());
        w.flush();
      }
      return s.result();
    }
  }

  private void notices(ExecResult result) {
    if (result.timedOut()) {
      err().println(
          "pocket-dock: command timed out after "
              + result.durationMs()
              + " ms; its process tree was killed (exit 124)");
    }
    if (result.truncated() && !stream) {
      err().println("pocket-dock: output exceeded the limit and was truncated");
    }
  }

  /** The {@code --json} object, fields in the documented order. */
  static Map<String, Object> toJson(ExecResult r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("exit_code", r.timedOut() ? ExecResult.TIMEOUT_EXIT_CODE : r.exitCode());
    o.put("stdout", r.stdout());
    o.put("stderr", r.stderr());
    o.put("duration_ms", r.durationMs());
    o.put("timed_out", r.timedOut());
    o.put("truncated", r.truncated());
    return o;
  }

  /**
   * Takes every remaining argument as part of COMMAND, so {@code run box ls -la} passes {@code
   * -la} to {@code ls} instead of failing as an unknown option.
   */
  static final class RestOfLine implements IParameterConsumer {
    RestOfLine() {}

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
      List<String> words = new ArrayList<>();
      while (!args.isEmpty()) {
        words.add(args.pop());
      }
      argSpec.setValue(words);
    }
  }
}
