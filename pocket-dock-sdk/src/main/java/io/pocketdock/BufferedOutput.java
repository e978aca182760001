package io.pocketdock;

import java.util.Objects;

/**
 * Output of a background process taken from its buffer by {@link BackgroundProcess#read()} or
 * {@link BackgroundProcess#peek()}. Whole characters only.
 *
 * @param stdout buffered standard output
 * @param stderr buffered standard error
 */
public record BufferedOutput(String stdout, String stderr) {

  /** Rejects null text. */
  public BufferedOutput {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** True when both streams are empty. */
  public boolean isEmpty() {
    return stdout.isEmpty() && stderr.isEmpty();
  }
}
