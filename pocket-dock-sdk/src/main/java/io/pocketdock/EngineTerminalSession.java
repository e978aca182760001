package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link TerminalSession}: one exec created with {@code Tty: true} and stdin attached, started
 * over an upgraded connection whose output is the raw terminal stream. The engine has no call to
 * signal an exec, so its processes carry a run token ({@link KillScript}) for {@link #close()}.
 */
final class EngineTerminalSession implements TerminalSession {
  /** bash when the image has it, as a login shell so profile scripts set the prompt and PATH. */
  private static final List<String> SHELL =
      List.of("/bin/sh", "-c", "if [ -x /bin/bash ]; then exec /bin/bash -l; fi; exec /bin/sh -l");

  private final EngineContext engine;
  private final CommandRunner runner;
  private final String containerId;
  private final String target;
  private final String token;
  private final String execId;
  private final HttpResponse stream;
  private final OutputStream input;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EngineTerminalSession(
      EngineContext engine,
      CommandRunner runner,
      String containerId,
      String target,
      String token,
      String execId,
      HttpResponse stream) {
    this.engine = engine;
    this.runner = runner;
    this.containerId = containerId;
    this.target = target;
    this.token = token;
    this.execId = execId;
    this.stream = stream;
    this.input =
        new FilterOutputStream(stream.upgradedOutput()) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush();
            stream.shutdownOutput();
          }
        };
  }

  /** Creates and starts the exec, then sets its size (an exec can only be resized once started). */
  static EngineTerminalSession open(
      EngineContext engine, CommandRunner runner, String containerId, String target, TerminalOptions options) {
    String token = CommandRunner.token();
    Map<String, String> env = new TreeMap<>();
    env.put("TERM", "xterm-256color");
    env.putAll(options.env());
    env.put(KillScript.ENV, token);
    List<String> envList = new ArrayList<>();
    env.forEach((k, v) -> envList.add(k + "=" + v));
    JsonObject body =
        JsonObject.builder()
            .put("AttachStdin", true)
            .put("AttachStdout", true)
            .put("AttachStderr", true)
            .put("Tty", true)
            .put("Cmd", JsonArray.ofStrings(options.command().isEmpty() ? SHELL : options.command()))
            .put("Env", JsonArray.ofStrings(envList))
            .build();
    String execId;
    HttpResponse response;
    try {
      execId = engine.client.createExec(containerId, body);
      response = engine.client.startTtyExec(execId);
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("terminal", target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo("terminal", target, engine.socket(), e);
    }
    EngineTerminalSession session =
        new EngineTerminalSession(engine, runner, containerId, target, token, execId, response);
    session.resize(options.columns(), options.rows());
    return session;
  }

  @Override
  public String id() {
    return execId;
  }

  @Override
  public OutputStream input() {
    return input;
  }

  @Override
  public InputStream output() {
    return stream.body();
  }

  @Override
  public void resize(int columns, int rows) {
    if (columns < 1 || rows < 1) {
      throw InvalidArgumentException.of("terminal resize", "invalid terminal size " + columns + "x" + rows);
    }
    try {
      engine.client.resizeExec(execId, columns, rows);
    } catch (EngineResponseException e) {
      // The program may have just exited (or not started its TTY yet): a size for nobody is no error.
      if (e.status() != 404 && e.status() != 409 && e.status() != 500) {
        throw Failures.fromEngine("terminal resize", target, e, Failures.Missing.CONTAINER_GONE, "");
      }
    } catch (IOException e) {
      throw Failures.fromIo("terminal resize", target, engine.socket(), e);
    }
  }

  @Override
  public int waitFor() {
    long sleepMs = 5;
    while (true) {
      JsonObject state;
      try {
        state = engine.client.inspectExec(execId);
      } catch (EngineResponseException e) {
        throw Failures.fromEngine("terminal", target, e, Failures.Missing.CONTAINER_GONE, "");
      } catch (IOException e) {
        throw Failures.fromIo("terminal", target, engine.socket(), e);
      }
      // Docker reports the exit code a moment after the stream ends: wait for Running=false.
      if (!state.bool("Running", true) && state.get("ExitCode").isPresent()) {
        return (int) state.longValue("ExitCode", -1);
      }
      try {
        Thread.sleep(sleepMs);
      } catch (InterruptedException e) {
        throw Failures.interrupted("terminal", target, e);
      }
      sleepMs = Math.min(200, sleepMs * 2);
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    boolean running;
    try {
      running = engine.client.inspectExec(execId).bool("Running", false);
    } catch (IOException | RuntimeException e) {
      running = false;
    }
    if (running) {
      // A shell on a TTY outlives its client: hang it up like a closed terminal, then make sure.
      runner.kill(containerId, null, KillScript.ENV, token, "HUP");
      runner.kill(containerId, null, KillScript.ENV, token, "KILL");
    }
    stream.close();
  }
}
