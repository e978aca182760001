package io.pocketdock.internal.image;

import io.pocketdock.internal.tar.TarTree;
import io.pocketdock.internal.tar.TarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One profile as the catalogue knows it: where its Dockerfile lives and how its build context is
 * made. A built-in profile's context is its Dockerfile alone, read from the SDK jar; a project
 * profile's context is its whole directory.
 *
 * @param name the profile name
 * @param builtin whether it ships with pocket-dock
 * @param networkDefault whether its sandboxes get a network when the spec does not say
 * @param description one line for listings
 * @param location the Dockerfile's location: a {@code classpath:} resource or a file path
 * @param contextDir the project profile's directory; {@code null} for a built-in
 */
public record ProfileDefinition(
    String name,
    boolean builtin,
    boolean networkDefault,
    String description,
    String location,
    @Nullable Path contextDir) {

  /** The image every profile builds to; users name profiles, not images. */
  public String image() {
    return "localhost/pocket-dock/" + name + ":latest";
  }

  /** The files of the build context, sorted by their path in the context. */
  public List<ContextFile> files() throws IOException {
    Path dir = contextDir;
    if (dir == null) {
      return List.of(new ContextFile("Dockerfile", builtinDockerfile(name)));
    }
    List<ContextFile> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          out.add(new ContextFile(dir.relativize(p).toString(), Files.readAllBytes(p)));
        }
      }
    }
    out.sort((a, b) -> a.path().compareTo(b.path()));
    return out;
  }

  /** Writes the build context as a tar to {@code out} (without closing it). */
  public void writeContext(OutputStream out) throws IOException {
    TarWriter tar = new TarWriter(Transfers.nonClosing(out)).owner(0, 0, "root", "root");
    tar.defaultMtime(Instant.EPOCH);
    Path dir = contextDir;
    if (dir == null) {
      tar.writeFile("Dockerfile", 0644, builtinDockerfile(name));
    } else {
      TarTree.pack(dir, "", tar);
    }
    tar.finish();
  }

  /** The text of a built-in profile's Dockerfile, from the SDK jar. */
  static byte[] builtinDockerfile(String name) throws IOException {
    String resource = ProfileCatalog.RESOURCE_ROOT + name + "/Dockerfile";
    try (InputStream in = ProfileDefinition.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IOException("the SDK jar lacks " + resource);
      }
      return in.readAllBytes();
    }
  }

  /**
   * One file of a build context.
   *
   * @param path its path inside the context, with {@code /} separators
   * @param content its bytes
   */
  @SuppressWarnings("ArrayRecordComponent") // bytes handed over, not copied: see above
  public record ContextFile(String path, byte[] content) {}
}
