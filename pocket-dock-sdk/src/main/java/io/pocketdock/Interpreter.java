package io.pocketdock;

import java.time.Duration;

/**
 * A stateful code interpreter in a sandbox, like a notebook kernel: successive cells share
 * variables, functions and imports. Get one from {@link Container#interpreter()}.
 *
 * <pre>{@code
 * try (Interpreter py = box.interpreter()) {
 *   py.run("import math\nr = 2");
 *   InterpreterResult res = py.run("math.pi * r ** 2");
 *   System.out.println(res.value()); // 12.566370614359172
 * }
 * }</pre>
 *
 * <p>Each cell's output, the value of its last expression, a structured error with traceback, and
 * the files it wrote come back in an {@link InterpreterResult}. A cell that runs past its timeout
 * is interrupted (Python sees {@code KeyboardInterrupt}) and the state is kept; one that does not
 * stop is killed, and so is the interpreter. When the interpreter process dies (a crash, {@code
 * os._exit}, the kernel's OOM killer), that cell's result says {@link InterpreterResult#CRASHED},
 * and the next cell starts a fresh interpreter; the sandbox itself is unaffected.
 *
 * <p>Cells run one at a time; calls from several threads wait for each other. Closing the
 * interpreter ends its process; closing the container ends it too.
 */
public interface Interpreter extends AutoCloseable {

  /** The language, e.g. {@code python}. */
  String language();

  /**
   * Runs a cell with the container's default timeout.
   *
   * @throws ContainerGoneException when the container was removed
   * @throws ContainerNotRunningException when the container is stopped
   */
  default InterpreterResult run(String code) {
    return run(code, null);
  }

  /**
   * Runs a cell.
   *
   * @param timeout how long the cell may run before it is interrupted; {@code null} means the
   *     container's default exec timeout
   */
  InterpreterResult run(String code, @org.jspecify.annotations.Nullable Duration timeout);

  /** Ends the interpreter process and starts a fresh one: every variable and import is gone. */
  void restart();

  /** Ends the interpreter process. Idempotent; later {@link #run} calls fail. */
  @Override
  void close();
}
