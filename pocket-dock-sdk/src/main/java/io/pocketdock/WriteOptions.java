package io.pocketdock;

/**
 * How {@link Container#writeFile(String, byte[], WriteOptions)} writes.
 *
 * <pre>{@code
 * box.writeFile("/home/sandbox/a/b/run.sh", script,
 *     WriteOptions.defaults().withCreateParents(true).withMode(0755));
 * }</pre>
 *
 * @param createParents whether missing parent directories are created (owned like the file, mode
 *     {@code 0755}); when false, a missing parent is a {@link FileNotFoundInContainerException}
 * @param mode the file's permission bits ({@code 0644} by default)
 */
public record WriteOptions(boolean createParents, int mode) {

  /** Validates the mode. */
  public WriteOptions {
    if ((mode & ~07777) != 0) {
      throw InvalidArgumentException.of(
          "writeFile", "mode out of range: 0" + Integer.toOctalString(mode));
    }
  }

  /** Parents must exist; mode {@code 0644}. */
  public static WriteOptions defaults() {
    return new WriteOptions(false, 0644);
  }

  /** A copy with {@link #createParents()} set. */
  public WriteOptions withCreateParents(boolean value) {
    return new WriteOptions(value, mode);
  }

  /** A copy with {@link #mode()} set, e.g. {@code 0755} for a script. */
  public WriteOptions withMode(int value) {
    return new WriteOptions(createParents, value);
  }
}
