package io.pocketdock.langchain4j;

import dev.langchain4j.code.CodeExecutionEngine;
import io.pocketdock.Container;
import io.pocketdock.Interpreter;
import io.pocketdock.InterpreterResult;
import java.time.Duration;

/**
 * A LangChain4j {@link CodeExecutionEngine} that runs Python in a pocket-dock sandbox, with state
 * kept between calls (the sandbox's {@link Interpreter}). The answer is what a model needs to read:
 * the output, the value of the last expression, or the error with its traceback.
 *
 * <pre>{@code
 * try (PocketDock dock = PocketDock.connect(); Container box = dock.create()) {
 *   CodeExecutionEngine engine = new PocketDockCodeExecutionEngine(box);
 *   engine.execute("x = 6 * 7");
 *   engine.execute("x"); // "42"
 * }
 * }</pre>
 *
 * <p>The caller owns the container; closing it ends the interpreter too.
 */
public final class PocketDockCodeExecutionEngine implements CodeExecutionEngine {
  private final Container container;
  private final Duration timeout;
  private Interpreter interpreter;

  /** Runs code in {@code container} with a 30-second limit per call. */
  public PocketDockCodeExecutionEngine(Container container) {
    this(container, Duration.ofSeconds(30));
  }

  /** Runs code in {@code container}, interrupting each call after {@code timeout}. */
  public PocketDockCodeExecutionEngine(Container container, Duration timeout) {
    this.container = container;
    this.timeout = timeout;
    this.interpreter = container.interpreter("python");
  }

  /** Runs Python code and returns its output, its last expression's value, or its error. */
  @Override
  public synchronized String execute(String code) {
    return Answers.of(interpreter.run(code, timeout));
  }

  /** Forgets every variable and import: the next call starts a fresh interpreter. */
  public synchronized void reset() {
    interpreter.close();
    interpreter = container.interpreter("python");
  }

  /** What a model reads back from one interpreter call. */
  static final class Answers {
    private Answers() {}

    static String of(InterpreterResult r) {
      StringBuilder b = new StringBuilder(r.stdout());
      if (!r.stderr().isEmpty()) {
        b.append(r.stderr());
      }
      if (r.value() != null) {
        b.append(r.value());
      }
      if (r.error() != null) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
          b.append('\n');
        }
        b.append(r.error().traceback().isEmpty() ? r.error().type() + ": " + r.error().message() : r.error().traceback());
      }
      return b.toString().strip();
    }
  }
}
