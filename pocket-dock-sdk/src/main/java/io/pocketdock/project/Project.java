package io.pocketdock.project;

import io.pocketdock.ConfigException;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.ProjectNotInitializedException;
import io.pocketdock.internal.config.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pocket-dock project: a directory with a {@code .pocket-dock/pocket-dock.yaml} in it.
 *
 * <pre>{@code
 * Project p = Project.init(Path.of("."), "demo");      // writes .pocket-dock/pocket-dock.yaml
 * Optional<Project> found = Project.find(Path.of("src/main"));  // walks up to it
 * try (PocketDock dock = PocketDock.builder().project(p).build()) { ... }
 * }</pre>
 *
 * <p>Layout: {@code .pocket-dock/pocket-dock.yaml} (config), {@code .pocket-dock/instances/<name>/}
 * (one per persistent container: {@code instance.toml}, {@code history.jsonl}, {@code logs/}).
 * Immutable; the files are re-read only by {@link #load}.
 */
public final class Project {
  /** The state directory's name. */
  public static final String STATE_DIR = ".pocket-dock";

  /** The config file's name inside the state directory. */
  public static final String CONFIG_FILE = "pocket-dock.yaml";

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final System.Logger LOG = System.getLogger("io.pocketdock.project");

  private final Path root;
  private final ProjectConfig config;
  private final List<String> warnings;

  private Project(Path root, ProjectConfig config, List<String> warnings) {
    this.root = root;
    this.config = config;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Makes {@code dir} a project named {@code name}: writes {@code .pocket-dock/pocket-dock.yaml}
   * with every setting at its default, commented.
   *
   * @throws InvalidArgumentException when the name is invalid or {@code dir} already is a project
   */
  public static Project init(Path dir, String name) {
    ProjectConfig config = ProjectConfig.defaults(name);
    Path root = dir.toAbsolutePath().normalize();
    Path file = root.resolve(STATE_DIR).resolve(CONFIG_FILE);
    try {
      AtomicFiles.create(file, ConfigFile.template(config).getBytes(StandardCharsets.UTF_8));
      Files.writeString(
          root.resolve(STATE_DIR).resolve(".gitignore"), "# Local state of pocket-dock\ninstances/\n");
    } catch (FileAlreadyExistsException e) {
      throw InvalidArgumentException.of(
          "init", "already a pocket-dock project: " + file + " exists (edit it, or delete it first)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return new Project(root, config, List.of());
  }

  /**
   * The project at {@code start} or the nearest directory above it that has a {@code .pocket-dock/
   * pocket-dock.yaml}.
   *
   * @throws ConfigException when the file found is malformed (with its line number)
   */
  public static Optional<Project> find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(STATE_DIR).resolve(CONFIG_FILE))) {
        return Optional.of(load(dir));
      }
    }
    return Optional.empty();
  }

  /**
   * Like {@link #find}, but a missing project is an error.
   *
   * @throws ProjectNotInitializedException when there is no project at or above {@code start}
   */
  public static Project require(String operation, Path start) {
    return find(start).orElseThrow(() -> ProjectNotInitializedException.of(operation, start));
  }

  /**
   * Reads the project whose root is {@code root}.
   *
   * @throws ProjectNotInitializedException when {@code root} has no config file
   * @throws ConfigException when it is malformed
   */
  public static Project load(Path root) {
    Path abs = root.toAbsolutePath().normalize();
    Path file = abs.resolve(STATE_DIR).resolve(CONFIG_FILE);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw ProjectNotInitializedException.of("load project", abs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<String> warnings = new ArrayList<>();
    ProjectConfig config = ConfigFile.parse(file, text, warnings::add);
    for (String w : warnings) {
      LOG.log(System.Logger.Level.WARNING, w);
    }
    return new Project(abs, config, warnings);
  }

  /** The project's directory (the one holding {@code .pocket-dock/}). */
  public Path root() {
    return root;
  }

  /** The project's name. */
  public String name() {
    return config.projectName();
  }

  /** Its settings. */
  public ProjectConfig config() {
    return config;
  }

  /** What was wrong but not fatal when the config was read (unknown keys), with file and line. */
  public List<String> warnings() {
    return warnings;
  }

  /** {@code <root>/.pocket-dock}. */
  public Path stateDir() {
    return root.resolve(STATE_DIR);
  }

  /** {@code <root>/.pocket-dock/instances}. */
  public Path instancesDir() {
    return stateDir().resolve("instances");
  }

  /** The instance directory for container {@code name} (which may not exist yet). */
  public InstanceDir instance(String name) {
    return new InstanceDir(instancesDir(), name, config);
  }

  /** The instance directories that exist, by name. */
  public List<InstanceDir> instances() {
    List<InstanceDir> out = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(instancesDir(), Files::isDirectory)) {
      for (Path d : dirs) {
        String n = d.getFileName().toString();
        if (InstanceDir.NAME.matcher(n).matches()) {
          out.add(instance(n));
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + instancesDir(), e);
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  @Override
  public String toString() {
    return "Project[" + name() + " at " + root + "]";
  }
}
