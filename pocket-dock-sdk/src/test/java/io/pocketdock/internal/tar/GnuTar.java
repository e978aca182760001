package io.pocketdock.internal.tar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs /usr/bin/tar; a missing tar fails the test, since interop is what is under test. */
final class GnuTar {
  private static final Path TAR = Path.of("/usr/bin/tar");

  private GnuTar() {}

  /** Runs tar with {@code args} in {@code dir}; returns stdout, failing on a non-zero exit. */
  static String run(Path dir, String... args) throws IOException, InterruptedException {
    if (!Files.isExecutable(TAR)) {
      throw new AssertionError("GNU tar is required at " + TAR + " for the interop tests");
    }
    List<String> command = new ArrayList<>(List.of(TAR.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new AssertionError("tar " + String.join(" ", args) + " failed:\n" + out);
    }
    return out;
  }
}
