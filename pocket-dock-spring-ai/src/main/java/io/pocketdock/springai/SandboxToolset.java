package io.pocketdock.springai;

import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.Interpreter;
import io.pocketdock.InterpreterResult;
import io.pocketdock.PocketDockException;
import io.pocketdock.WriteOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/**
 * The Spring AI {@code @Tool} methods behind {@link PocketDockToolCallbackProvider}: shell commands,
 * stateful Python and text files in one sandbox. Answers, failures included, are plain text for
 * the model.
 */
public final class SandboxToolset {
  private static final int MAX_CHARS = 16_000;

  private final Container container;
  private Interpreter python;

  /** Tools over {@code container}; the caller owns it. */
  public SandboxToolset(Container container) {
    this.container = container;
    this.python = container.interpreter("python");
  }

  /** Runs a shell command and reports exit code, stdout and stderr. */
  @Tool(name = "run_shell_command", description = "Run a shell command in an isolated Linux sandbox (user 'sandbox', /home/sandbox, no network). Returns the exit code, stdout and stderr.")
  public String runShellCommand(@ToolParam(description = "the shell command line, run with /bin/sh -c") String command) {
    ExecResult r = container.run(command, ExecOptions.defaults().withTimeout(Duration.ofSeconds(60)));
    return "exit code: " + r.exitCode() + (r.timedOut() ? " (killed after 60 s)" : "")
        + "\nstdout:\n" + clip(r.stdout()) + "\nstderr:\n" + clip(r.stderr());
  }

  /** Runs Python in the sandbox's persistent interpreter. */
  @Tool(name = "run_python", description = "Run Python code in a persistent interpreter in the sandbox: variables and imports stay defined between calls. Returns the output, the value of the last expression, or the error with its traceback.")
  public synchronized String runPython(@ToolParam(description = "Python source code, may span many lines") String code) {
    InterpreterResult r = python.run(code, Duration.ofSeconds(60));
    StringBuilder b = new StringBuilder(r.stdout()).append(r.stderr());
    if (r.value() != null) {
      b.append(r.value());
    }
    if (r.error() != null) {
      b.append(b.length() == 0 || b.charAt(b.length() - 1) == '\n' ? "" : "\n")
          .append(r.error().traceback().isEmpty() ? r.error().type() + ": " + r.error().message() : r.error().traceback());
    }
    return clip(b.toString().strip());
  }

  /** Writes a text file in the sandbox. */
  @Tool(name = "write_file", description = "Write a UTF-8 text file in the sandbox, creating parent directories. Relative paths are under /home/sandbox.")
  public String writeFile(
      @ToolParam(description = "path of the file in the sandbox") String path,
      @ToolParam(description = "the file's content") String content) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    try {
      container.writeFile(path, data, WriteOptions.defaults().withCreateParents(true));
      return "wrote " + data.length + " bytes to " + path;
    } catch (PocketDockException e) {
      return "error: " + e.getMessage();
    }
  }

  /** Reads a text file from the sandbox. */
  @Tool(name = "read_file", description = "Read a text file from the sandbox. Relative paths are under /home/sandbox.")
  public String readFile(@ToolParam(description = "path of the file in the sandbox") String path) {
    try {
      return clip(container.readText(path));
    } catch (PocketDockException e) {
      return "error: " + e.getMessage();
    }
  }

  private static String clip(String s) {
    if (s.length() <= MAX_CHARS) {
      return s;
    }
    int half = MAX_CHARS / 2;
    return s.substring(0, half) + "\n[... " + (s.length() - MAX_CHARS) + " characters omitted ...]\n"
        + s.substring(s.length() - half);
  }
}
