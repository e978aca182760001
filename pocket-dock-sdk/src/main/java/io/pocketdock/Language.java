package io.pocketdock;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A language a code snippet can be run in with {@link Container#run(String, Language)}. The
 * interpreter must be installed in the image: the {@code minimal} profile has Python, bash and sh;
 * Node.js is in the {@code node} profile.
 */
@SuppressWarnings("ImmutableEnumChecker") // names is List.of(...): immutable, which the checker cannot see
public enum Language {
  /** Python 3, run as {@code python3 FILE}. */
  PYTHON("python3", List.of("python", "python3", "py")),
  /** Node.js, run as {@code node FILE}. */
  NODE("node", List.of("node", "nodejs", "js", "javascript")),
  /** Bash, run as {@code bash FILE}. */
  BASH("bash", List.of("bash")),
  /** POSIX sh (dash, busybox ash, ...), run as {@code sh FILE}. */
  SH("sh", List.of("sh", "shell"));

  private final String interpreter;
  private final List<String> names;

  Language(String interpreter, List<String> names) {
    this.interpreter = interpreter;
    this.names = names;
  }

  /** The program that runs a snippet file, e.g. {@code python3}. */
  public String interpreter() {
    return interpreter;
  }

  /**
   * Reads a language name, ignoring case: {@code python}, {@code python3}, {@code py}, {@code
   * node}, {@code js}, {@code javascript}, {@code bash}, {@code sh}, {@code shell}.
   *
   * @throws InvalidArgumentException for any other name, listing the known ones
   */
  public static Language parse(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (Language language : values()) {
      if (language.names.contains(wanted)) {
        return language;
      }
    }
    String known =
        Arrays.stream(values())
            .flatMap(l -> l.names.stream())
            .collect(Collectors.joining(", "));
    throw new InvalidArgumentException(
        "run", "unknown language '" + name + "'", "use one of: " + known);
  }
}
