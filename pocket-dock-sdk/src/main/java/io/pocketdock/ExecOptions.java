package io.pocketdock;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Per-run options, shared by every execution mode. Start from {@link #defaults()} and change what
 * you need; each wither returns a new value.
 *
 * <pre>{@code
 * box.run("make test", ExecOptions.defaults().withTimeout(Duration.ofMinutes(5)).withWorkdir("/src"));
 * }</pre>
 *
 * @param timeout how long the command may run before its process tree is killed; {@code null}
 *     means the container's default (30 s unless set in its spec)
 * @param maxOutput bytes of stdout plus stderr kept; the rest is dropped and flagged
 * @param workdir working directory inside the container, or {@code null} for the image's
 * @param env extra environment variables
 * @param user user name or uid to run as, or {@code null} for the image's ({@code sandbox})
 * @param bufferSize for {@linkplain Container#runDetached(String, ExecOptions) background
 *     processes} only: the ring buffer's size per stream, in bytes (at least 4)
 */
public record ExecOptions(
    @Nullable Duration timeout,
    long maxOutput,
    @Nullable String workdir,
    Map<String, String> env,
    @Nullable String user,
    int bufferSize) {

  /** The default cap on kept output: 10 MiB. */
  public static final long DEFAULT_MAX_OUTPUT = 10L << 20;

  /** The default ring buffer size of a background process: 1 MiB per stream. */
  public static final int DEFAULT_BUFFER_SIZE = 1 << 20;

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Validates every field; invalid values fail before any engine call. */
  public ExecOptions {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw InvalidArgumentException.of("run", "timeout must be positive, got " + timeout);
    }
    if (maxOutput < 0) {
      throw InvalidArgumentException.of("run", "maxOutput must not be negative, got " + maxOutput);
    }
    if (workdir != null && !workdir.startsWith("/")) {
      throw InvalidArgumentException.of("run", "workdir must be absolute, got '" + workdir + "'");
    }
    for (String name : env.keySet()) {
      if (!ENV_NAME.matcher(name).matches()) {
        throw InvalidArgumentException.of("run", "not an environment variable name: '" + name + "'");
      }
    }
    if (bufferSize < 4) {
      throw InvalidArgumentException.of(
          "run", "bufferSize must be at least 4 bytes (one character), got " + bufferSize);
    }
    env = Map.copyOf(env);
  }

  /**
   * No timeout override, 10 MiB output cap, the image's workdir and user, no extra env, 1 MiB
   * background buffer.
   */
  public static ExecOptions defaults() {
    return new ExecOptions(null, DEFAULT_MAX_OUTPUT, null, Map.of(), null, DEFAULT_BUFFER_SIZE);
  }

  /** Same options with a different timeout. */
  public ExecOptions withTimeout(Duration value) {
    return new ExecOptions(value, maxOutput, workdir, env, user, bufferSize);
  }

  /** Same options with a different output cap in bytes. */
  public ExecOptions withMaxOutput(long bytes) {
    return new ExecOptions(timeout, bytes, workdir, env, user, bufferSize);
  }

  /** Same options with a different working directory. */
  public ExecOptions withWorkdir(String path) {
    return new ExecOptions(timeout, maxOutput, path, env, user, bufferSize);
  }

  /** Same options plus one environment variable. */
  public ExecOptions withEnv(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(env);
    copy.put(name, value);
    return new ExecOptions(timeout, maxOutput, workdir, copy, user, bufferSize);
  }

  /** Same options, running as another user (name or uid). */
  public ExecOptions withUser(String value) {
    return new ExecOptions(timeout, maxOutput, workdir, env, value, bufferSize);
  }

  /**
   * Same options with a different ring buffer size for a background process, in bytes per stream.
   * Blocking runs and streams ignore it.
   */
  public ExecOptions withBufferSize(int bytes) {
    return new ExecOptions(timeout, maxOutput, workdir, env, user, bytes);
  }
}
