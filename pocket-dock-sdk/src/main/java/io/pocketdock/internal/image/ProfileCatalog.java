package io.pocketdock.internal.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The profiles there are: the built-in ones, whose Dockerfiles ship in the SDK jar under {@code
 * io/pocketdock/images/<name>/}, then a project's own under {@code
 * .pocket-dock/profiles/<name>/Dockerfile}. A project profile's first comment line is its
 * description, and {@code LABEL io.pocketdock.network=on} in its Dockerfile turns its network on by
 * default (off otherwise).
 */
public final class ProfileCatalog {
  /** Where the built-in Dockerfiles are inside the jar. */
  public static final String RESOURCE_ROOT = "io/pocketdock/images/";

  /** The directory of a project's own profiles, relative to the project root. */
  public static final String PROJECT_DIR = ".pocket-dock/profiles";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern NETWORK_LABEL =
      Pattern.compile("io\\.pocketdock\\.network=\"?(on|off|true|false)\"?");

  private static final List<ProfileDefinition> BUILTIN =
      List.of(
          builtin("minimal", false, "Python 3 and bash on Debian; small; no network unless asked"),
          builtin("dev", true, "git, curl, jq, vim and nano, gcc/g++/make, Python 3 with pip"),
          builtin(
              "agent",
              false,
              "Python 3 with requests, httpx, pandas, numpy, bs4, lxml, PyYAML, Pillow"),
          builtin(
              "embedded",
              true,
              "gcc/g++, make, cmake, ninja, gdb, valgrind, arm-none-eabi-gcc + newlib, Python 3"),
          builtin("node", true, "Node.js and npm from Debian, with Python 3 and bash"));

  private ProfileCatalog() {}

  /** The built-in profiles, in the order they are listed. */
  public static List<ProfileDefinition> builtins() {
    return BUILTIN;
  }

  /** The built-in profile of that name. */
  public static Optional<ProfileDefinition> builtin(String name) {
    return BUILTIN.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * The built-in profiles followed by the project's, sorted by name.
   *
   * @param projectRoot the directory holding {@code .pocket-dock/}, or {@code null} for none
   * @throws InvalidProfileException when a project profile has a bad name or reuses a built-in name
   */
  public static List<ProfileDefinition> all(@Nullable Path projectRoot)
      throws IOException, InvalidProfileException {
    List<ProfileDefinition> out = new ArrayList<>(BUILTIN);
    if (projectRoot == null) {
      return out;
    }
    Path dir = projectRoot.resolve(PROJECT_DIR);
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> dirs = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      entries.forEach(dirs::add);
    }
    dirs.sort(null);
    for (Path d : dirs) {
      Path dockerfile = d.resolve("Dockerfile");
      if (!Files.isRegularFile(dockerfile)) {
        continue;
      }
      String name = String.valueOf(d.getFileName());
      if (!NAME.matcher(name).matches()) {
        throw new InvalidProfileException(
            "project profile directory '" + d + "' is not a valid profile name",
            "use lower-case letters, digits, '_' and '-', starting with a letter or digit");
      }
      if (builtin(name).isPresent()) {
        throw new InvalidProfileException(
            "project profile '" + name + "' (" + d + ") has the name of a built-in profile",
            "rename the directory; built-in names are " + names(BUILTIN));
      }
      String text = Files.readString(dockerfile, StandardCharsets.UTF_8);
      out.add(
          new ProfileDefinition(
              name, false, network(text), description(text), dockerfile.toString(), d));
    }
    return out;
  }

  /** The names, comma-separated, for messages. */
  public static String names(List<ProfileDefinition> profiles) {
    return String.join(", ", profiles.stream().map(ProfileDefinition::name).toList());
  }

  static boolean network(String dockerfile) {
    Matcher m = NETWORK_LABEL.matcher(dockerfile);
    boolean on = false;
    while (m.find()) {
      String v = m.group(1).toLowerCase(Locale.ROOT);
      on = v.equals("on") || v.equals("true");
    }
    return on;
  }

  static String description(String dockerfile) {
    for (String line : dockerfile.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("#") && !t.startsWith("#!") && !t.substring(1).isBlank()
          && !t.toLowerCase(Locale.ROOT).startsWith("# syntax=")) {
        return t.substring(1).strip();
      }
      if (!t.isEmpty() && !t.startsWith("#")) {
        break;
      }
    }
    return "project profile";
  }

  private static ProfileDefinition builtin(String name, boolean network, String description) {
    return new ProfileDefinition(
        name, true, network, description, "classpath:" + RESOURCE_ROOT + name + "/Dockerfile", null);
  }

  /** A project profile that cannot be used as it is. */
  public static final class InvalidProfileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String hint;

    InvalidProfileException(String message, String hint) {
      super(message);
      this.hint = hint;
    }

    /** The message given at construction: never null. */
    @Override
    public String getMessage() {
      String m = super.getMessage();
      return m != null ? m : "";
    }

    /** What to do about it. */
    public String hint() {
      return hint;
    }
  }
}
