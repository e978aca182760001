package io.pocketdock.internal.image;

import io.pocketdock.internal.engine.ImageApi;
import io.pocketdock.internal.http.HttpResponse;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Moves images in and out of an engine as {@code docker save} archives, plain or gzipped, through
 * {@code GET /images/get} and {@code POST /images/load} — the format both engines read and write,
 * so an archive from one loads into the other. Everything streams; nothing is held in memory.
 */
public final class ImageArchive {
  private static final Pattern LOADED = Pattern.compile("^Loaded image(?:\\(s\\))?(?: ID)?: ?(.+)$");

  private ImageArchive() {}

  /**
   * Writes the named images to {@code file} ({@code .gz} or {@code .tgz}: gzipped). The file
   * appears only when complete; a failure leaves nothing.
   *
   * @param progress receives the archive bytes read from the engine so far
   * @return the archive bytes read from the engine
   */
  public static long export(ImageApi api, List<String> names, Path file, LongConsumer progress)
      throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path part = Files.createTempFile(dir, "." + file.getFileName() + ".", ".part");
    try {
      long n;
      try (HttpResponse r = api.save(names);
          OutputStream raw = Files.newOutputStream(part);
          OutputStream out = gzipped(file) ? new GZIPOutputStream(raw, 64 * 1024) : raw) {
        r.clearDeadline();
        n = Transfers.copy(r.body(), out, progress);
      }
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return n;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /**
   * Loads every image in the archive (gzipped or not: told by its first bytes).
   *
   * @param progress receives the archive bytes sent to the engine so far
   * @return the names (or ids) the engine reported loading
   * @throws BuildFailedException when the engine refuses the archive
   */
  public static List<String> load(ImageApi api, Path file, LongConsumer progress)
      throws IOException, BuildFailedException {
    List<String> loaded = new ArrayList<>();
    try (HttpResponse r =
        api.load(
            out -> {
              try (InputStream in = open(file)) {
                Transfers.copy(in, out, progress);
              }
            })) {
      BuildStreamParser parser = new BuildStreamParser();
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
      String line;
      List<BuildEvent> events = new ArrayList<>();
      while ((line = reader.readLine()) != null) {
        events.addAll(parser.accept(line));
      }
      events.addAll(parser.finish());
      for (BuildEvent e : events) {
        if (e instanceof BuildEvent.Failure f) {
          throw new BuildFailedException(f.message(), "", List.of());
        }
        if (e instanceof BuildEvent.Output o) {
          Matcher m = LOADED.matcher(o.line().strip());
          if (m.matches()) {
            for (String name : m.group(1).split(",")) {
              if (!name.isBlank()) {
                loaded.add(name.strip());
              }
            }
          }
        }
      }
    }
    return loaded;
  }

  static boolean gzipped(Path file) {
    String n = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    return n.endsWith(".gz") || n.endsWith(".tgz");
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
  }
}
