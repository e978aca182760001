package io.pocketdock.it;

import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.engine.EngineResponseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Throw-away project profiles for build tests, and removal of the images they make. */
final class TestProfiles {
  private TestProfiles() {}

  /** A unique profile name for this run, e.g. {@code pdtest-cache-1a2b3c4d}. */
  static String name(String what) {
    return "pdtest-" + what + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  /** Writes {@code <root>/.pocket-dock/profiles/<name>/Dockerfile}. */
  static void write(Path root, String name, String dockerfile) throws IOException {
    Path dir = root.resolve(".pocket-dock/profiles").resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
  }

  /** Removes an image by name from the engine, if present (force: test images only). */
  static void removeImage(Path socket, String image) {
    try (EngineClient client = LeakSweeper.RawEngine.connect(socket)) {
      client.images().remove(image, true);
    } catch (EngineResponseException e) {
      if (e.status() != 404) {
        throw new AssertionError("could not remove " + image + ": " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new AssertionError("could not remove " + image, e);
    }
  }

  /** Whether the engine has the image. */
  static boolean exists(Path socket, String image) {
    try (EngineClient client = LeakSweeper.RawEngine.connect(socket)) {
      client.inspectImage(image);
      return true;
    } catch (EngineResponseException e) {
      if (e.status() == 404) {
        return false;
      }
      throw new AssertionError(e);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
