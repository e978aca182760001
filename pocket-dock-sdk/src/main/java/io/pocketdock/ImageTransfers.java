package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.image.BuildFailedException;
import io.pocketdock.internal.image.ImageArchive;
import io.pocketdock.internal.image.ProfileCatalog;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Export and import of image archives, with the checks and error mapping of the public API. */
final class ImageTransfers {
  private static final Pattern PROFILE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private final EngineContext engine;

  ImageTransfers(EngineContext engine) {
    this.engine = engine;
  }

  long export(List<String> profilesOrImages, Path file, @Nullable LongConsumer progress) {
    if (profilesOrImages.isEmpty()) {
      throw InvalidArgumentException.of("export", "name at least one profile or image to export");
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw InvalidArgumentException.of("export", "directory " + dir + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw InvalidArgumentException.of("export", file + " is a directory; name the archive file");
    }
    List<String> images = new ArrayList<>();
    for (String name : profilesOrImages) {
      String image = PROFILE.matcher(name).matches() ? "localhost/pocket-dock/" + name + ":latest" : name;
      try {
        engine.client.inspectImage(image);
      } catch (EngineResponseException e) {
        String hint =
            PROFILE.matcher(name).matches()
                ? "build it: `pocket-dock build " + name + "`"
                    + (ProfileCatalog.builtin(name).isPresent() ? "" : " (if it is a profile)")
                : "check the name with `podman images` / `docker images`";
        throw Failures.fromEngine("export", image, e, Failures.Missing.IMAGE, hint);
      } catch (IOException e) {
        throw Failures.fromIo("export", image, engine.socket(), e);
      }
      images.add(image);
    }
    try {
      return ImageArchive.export(engine.client.images(), images, file, orNone(progress));
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("export", String.join(",", images), e, Failures.Missing.IMAGE, "");
    } catch (InterruptedIOException e) {
      throw Failures.interrupted("export", file.toString(), new InterruptedException(e.getMessage()));
    } catch (IOException e) {
      if (e instanceof java.nio.file.FileSystemException) {
        throw InvalidArgumentException.of("export", "cannot write " + file + ": " + e.getMessage());
      }
      throw Failures.fromIo("export", file.toString(), engine.socket(), e);
    }
  }

  List<String> load(Path file, @Nullable LongConsumer progress) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw InvalidArgumentException.of("import", "no readable archive at " + file);
    }
    try {
      return ImageArchive.load(engine.client.images(), file, orNone(progress));
    } catch (BuildFailedException e) {
      throw new InvalidArgumentException(
          "import",
          file + " is not an image archive the engine accepts: " + e.getMessage(),
          "import archives made by export (docker save format), plain or gzipped");
    } catch (EngineResponseException e) {
      throw new InvalidArgumentException(
          "import",
          file + " is not an image archive the engine accepts: " + e.engineMessage(),
          "import archives made by export (docker save format), plain or gzipped");
    } catch (InterruptedIOException e) {
      throw Failures.interrupted("import", file.toString(), new InterruptedException(e.getMessage()));
    } catch (IOException e) {
      throw Failures.fromIo("import", file.toString(), engine.socket(), e);
    }
  }

  private static LongConsumer orNone(@Nullable LongConsumer progress) {
    return progress != null ? progress : n -> {};
  }
}
