package io.pocketdock.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.PocketDockException;
import io.pocketdock.WriteOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * LangChain4j {@code @Tool} methods over one pocket-dock sandbox: shell commands, stateful Python,
 * and files. Register an instance with an AI service ({@code AiServices.builder(...).tools(new
 * SandboxTools(box))}); every answer is plain text for the model, and failures come back as text
 * too, so the model can correct itself.
 */
public final class SandboxTools {
  /** Characters of output returned per call; longer output keeps its head and tail. */
  static final int MAX_CHARS = 16_000;

  private final Container container;
  private final PocketDockCodeExecutionEngine python;

  /** Tools for {@code container}; the caller owns it. */
  public SandboxTools(Container container) {
    this.container = container;
    this.python = new PocketDockCodeExecutionEngine(container);
  }

  /** Runs a shell command and reports exit code, stdout and stderr. */
  @Tool("Run a shell command in an isolated Linux sandbox (user 'sandbox', /home/sandbox, no network). Returns the exit code, stdout and stderr.")
  public String runShellCommand(@P("the shell command line, run with /bin/sh -c") String command) {
    ExecResult r = container.run(command, ExecOptions.defaults().withTimeout(Duration.ofSeconds(60)));
    StringBuilder b = new StringBuilder("exit code: ").append(r.exitCode());
    if (r.timedOut()) {
      b.append(" (killed after 60 s)");
    }
    b.append("\nstdout:\n").append(clip(r.stdout())).append("\nstderr:\n").append(clip(r.stderr()));
    return b.toString();
  }

  /** Runs Python in the sandbox's persistent interpreter. */
  @Tool("Run Python code in a persistent interpreter in the sandbox: variables and imports stay defined between calls. Returns the output, the value of the last expression, or the error with its traceback.")
  public String runPython(@P("Python source code, may span many lines") String code) {
    return clip(python.execute(code));
  }

  /** Writes a text file in the sandbox. */
  @Tool("Write a UTF-8 text file in the sandbox, creating parent directories. Relative paths are under /home/sandbox.")
  public String writeFile(@P("path of the file in the sandbox") String path, @P("the file's content") String content) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    try {
      container.writeFile(path, data, WriteOptions.defaults().withCreateParents(true));
      return "wrote " + data.length + " bytes to " + path;
    } catch (PocketDockException e) {
      return "error: " + e.getMessage();
    }
  }

  /** Reads a text file from the sandbox. */
  @Tool("Read a text file from the sandbox. Relative paths are under /home/sandbox.")
  public String readFile(@P("path of the file in the sandbox") String path) {
    try {
      return clip(container.readText(path));
    } catch (PocketDockException e) {
      return "error: " + e.getMessage();
    }
  }

  static String clip(String s) {
    if (s.length() <= MAX_CHARS) {
      return s;
    }
    int half = MAX_CHARS / 2;
    return s.substring(0, half) + "\n[... " + (s.length() - MAX_CHARS) + " characters omitted ...]\n"
        + s.substring(s.length() - half);
  }
}
