package io.pocketdock;

import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The Python {@link Interpreter}: a driver script (shipped as a resource) runs in {@code python3}
 * and keeps one namespace across cells. At a cell's timeout the cell gets SIGINT (Python's {@code
 * KeyboardInterrupt}); if it has not answered a few seconds later, it and the driver are killed and
 * the next cell starts a fresh driver.
 */
final class PythonInterpreter implements Interpreter {
  /** Largest artifact whose bytes come back with the result. */
  static final int ARTIFACT_LIMIT = 4 << 20;

  /** Bytes of stdout, and of stderr, kept per cell. */
  static final int OUTPUT_LIMIT = 1 << 20;

  private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final EngineContext engine;
  private final String containerId;
  private final String target;
  private final Duration defaultTimeout;
  private volatile @Nullable ReplProcess process;
  private volatile boolean closed;
  private int cell;

  private PythonInterpreter(
      EngineContext engine, String containerId, String target, Duration defaultTimeout) {
    this.engine = engine;
    this.containerId = containerId;
    this.target = target;
    this.defaultTimeout = defaultTimeout;
  }

  /** Validates the language and starts the interpreter. */
  static Interpreter open(
      EngineContext engine, String containerId, String target, String language, Duration timeout) {
    String lang = language.trim().toLowerCase(Locale.ROOT);
    if (!lang.equals("python") && !lang.equals("python3")) {
      throw new InvalidArgumentException(
          "interpreter", "unsupported interpreter language '" + language + "'", "supported: python");
    }
    PythonInterpreter interpreter = new PythonInterpreter(engine, containerId, target, timeout);
    interpreter.process = interpreter.start();
    return interpreter;
  }

  @Override
  public String language() {
    return "python";
  }

  @Override
  public synchronized InterpreterResult run(String code, @Nullable Duration timeout) {
    if (closed) {
      throw InvalidArgumentException.of("interpreter", "this interpreter is closed");
    }
    Duration limit = timeout != null ? timeout : defaultTimeout;
    if (limit.isNegative() || limit.isZero()) {
      throw InvalidArgumentException.of("interpreter", "timeout must be positive, got " + limit);
    }
    ReplProcess p = process != null ? process : start();
    process = p;
    int n = ++cell;
    long started = System.nanoTime();
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicBoolean killed = new AtomicBoolean();
    ScheduledFuture<?> interrupt =
        after(limit, () -> {
          interrupted.set(true);
          p.signal("INT");
        });
    ScheduledFuture<?> kill =
        after(limit.plus(INTERRUPT_GRACE), () -> {
          killed.set(true);
          p.signal("KILL");
        });
    JsonObject answer;
    @Nullable IOException failure = null;
    try {
      p.send(JsonObject.builder().put("cell", n).put("code", code).build());
      answer = p.nextAnswer();
    } catch (IOException | UncheckedIOException e) {
      answer = null;
      failure = e instanceof IOException io ? io : ((UncheckedIOException) e).getCause();
    } finally {
      interrupt.cancel(false);
      kill.cancel(false);
    }
    long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (answer == null) {
      process = null;
      return crashed(p, failure, killed.get(), limit, durationMs);
    }
    return result(answer, interrupted.get(), limit, durationMs);
  }

  private InterpreterResult crashed(
      ReplProcess p, @Nullable IOException failure, boolean killed, Duration limit, long durationMs) {
    String tail = p.stderrTail();
    int exit = killed ? -1 : p.exitCode();
    p.close();
    if (failure != null && !killed && !closed) {
      throw Failures.fromIo("interpreter", target, engine.socket(), failure);
    }
    String why =
        killed
            ? "the cell did not stop within " + INTERRUPT_GRACE.toSeconds()
                + " s of being interrupted at its timeout of " + limit.toMillis()
                + " ms, so the interpreter was killed"
            : "the interpreter process exited" + (exit >= 0 ? " (code " + exit + ")" : "")
                + " during this cell";
    String message =
        why + "; its state (variables, imports) is lost and the next cell starts a fresh interpreter";
    return new InterpreterResult(
        "", tail, null, new InterpreterResult.Error(InterpreterResult.CRASHED, message, ""),
        List.of(), durationMs, killed, false);
  }

  private static InterpreterResult result(
      JsonObject a, boolean interrupted, Duration limit, long durationMs) {
    InterpreterResult.Error error = null;
    if (a.get("error").orElse(null) instanceof JsonObject e) {
      error =
          new InterpreterResult.Error(
              e.string("type", "Error"), e.string("message", ""), e.string("traceback", ""));
    }
    boolean timedOut = interrupted && error != null && error.type().equals("KeyboardInterrupt");
    if (timedOut && error != null) {
      error =
          new InterpreterResult.Error(
              "Timeout",
              "the cell was interrupted at its timeout of " + limit.toMillis()
                  + " ms; the interpreter's state is kept",
              error.traceback());
    }
    List<Artifact> artifacts = new ArrayList<>();
    for (JsonValue v : a.get("artifacts").orElse(JsonArray.of()) instanceof JsonArray arr
        ? arr.values()
        : List.<JsonValue>of()) {
      if (v instanceof JsonObject o) {
        String data = o.stringOrNull("data");
        artifacts.add(
            new Artifact(
                o.string("path", ""),
                o.longValue("size", 0),
                data == null ? null : Base64.getDecoder().decode(data)));
      }
    }
    return new InterpreterResult(
        a.string("stdout", ""),
        a.string("stderr", ""),
        a.stringOrNull("value"),
        error,
        artifacts,
        durationMs,
        timedOut,
        a.bool("truncated", false));
  }

  private ReplProcess start() {
    ReplProcess p =
        ReplProcess.start(
            engine,
            containerId,
            target,
            List.of("python3", "-u", "-c", Driver.SOURCE),
            List.of(Integer.toString(ARTIFACT_LIMIT), Integer.toString(OUTPUT_LIMIT)),
            List.of("MPLBACKEND=Agg", "PYTHONDONTWRITEBYTECODE=1"));
    ScheduledFuture<?> kill = after(START_TIMEOUT, () -> p.signal("KILL"));
    JsonObject ready;
    try {
      ready = p.nextAnswer();
    } catch (IOException e) {
      p.close();
      throw Failures.fromIo("interpreter", target, engine.socket(), e);
    } finally {
      kill.cancel(false);
    }
    if (ready == null || !ready.bool("ready", false)) {
      String why = p.stderrTail();
      int exit = p.exitCode();
      p.close();
      throw new InvalidArgumentException(
          "interpreter",
          "cannot start python3 in " + target + " (exit " + exit + ")"
              + (why.isEmpty() ? "" : ": " + why),
          "use an image with Python 3, such as the minimal profile");
    }
    return p;
  }

  private ScheduledFuture<?> after(Duration delay, Runnable action) {
    return engine.timers.schedule(
        () -> engine.workers.execute(action), delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public synchronized void restart() {
    ReplProcess p = process;
    process = null;
    if (p != null) {
      p.close();
    }
    process = start();
  }

  @Override
  public void close() {
    closed = true;
    ReplProcess p = process;
    process = null;
    if (p != null) {
      p.close();
    }
  }

  /** The driver script, read once from the SDK's resources. */
  private static final class Driver {
    static final String SOURCE = load();

    private static String load() {
      try (InputStream in = PythonInterpreter.class.getResourceAsStream("python_driver.py")) {
        if (in == null) {
          throw new IllegalStateException("python_driver.py is missing from the SDK jar");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
