package io.pocketdock.it.child;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running one of the {@code *Main} classes here, on this JVM's runtime and class
 * path, with JVM flags of the test's choosing (a small heap, say). It writes {@code key=value}
 * lines on stdout; the test reads them. Ended by PID: SIGKILL when the test says, always on close.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;

  private ChildJvm(Process process) {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts {@code main} with {@code jvmFlags} and {@code args}; its stderr goes to a log file. */
  public static ChildJvm start(Class<?> main, List<String> jvmFlags, List<String> args)
      throws IOException {
    String java =
        ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> argv = new ArrayList<>();
    argv.add(java);
    argv.addAll(jvmFlags);
    argv.add("-cp");
    argv.add(System.getProperty("java.class.path"));
    argv.add(main.getName());
    argv.addAll(args);
    Path log = Path.of("target", "child-" + main.getSimpleName() + ".log");
    return new ChildJvm(
        new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.to(log.toFile())).start());
  }

  /** The next {@code key=value} line whose key is {@code key}, or an error if the child ended first. */
  public String await(String key) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(key + "=")) {
        return line.substring(key.length() + 1);
      }
    }
    throw new IOException("child ended (exit " + exitCodeIfDone() + ") before printing " + key);
  }

  /** Its exit code, waiting at most {@code seconds}. */
  public int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("child JVM " + process.pid() + " still running after " + seconds + " s");
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook runs, as when a machine loses power or the OOM killer strikes. */
  public void killHard() {
    process.toHandle().destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The child's PID. */
  public long pid() {
    return process.pid();
  }

  private String exitCodeIfDone() {
    return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
  }

  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      killHard();
    }
    out.close();
  }
}
