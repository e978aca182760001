package io.pocketdock.internal.image;

import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.engine.ImageApi;
import io.pocketdock.internal.http.HttpResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Makes sure the base image the profiles build {@code FROM} exists on the engine. Online, it is
 * Debian's {@code bookworm-slim} with the same packages and dpkg settings added ({@code
 * images/base/Dockerfile}); when the pull fails — as it does on a machine without a registry — it
 * is made offline by {@link BaseRootfs} and imported through {@code POST /images/create?fromSrc=-}.
 * Either way it is named {@code localhost/pocket-dock/base:bookworm} and checked by inspecting it.
 */
public final class BaseImage {
  /** The base every built-in Dockerfile names in {@code ARG BASE_IMAGE}. */
  public static final String DEFAULT = "localhost/pocket-dock/base:" + BaseRootfs.SUITE;

  /** The upstream base an online build starts from. */
  static final String UPSTREAM = "docker.io/library/debian";

  static final String UPSTREAM_TAG = BaseRootfs.SUITE + "-slim";

  /** How long a pull may take to fail before we build offline. */
  static final Duration PULL_PROBE = Duration.ofSeconds(20);

  private BaseImage() {}

  /** The image's id, if the engine has it. */
  public static Optional<String> id(EngineClient client, String ref) throws IOException {
    try {
      return Optional.of(client.inspectImage(ref).string("Id", ""));
    } catch (EngineResponseException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The base's id, creating the base first if the engine lacks it.
   *
   * @param offline skip the pull attempt
   * @param cacheDir where the offline root file system tarball is cached
   * @param log receives one line per thing worth telling
   */
  public static String ensure(
      EngineClient client, String ref, boolean offline, Path cacheDir, Consumer<String> log)
      throws IOException, BaseRootfs.BootstrapException, BuildFailedException {
    Optional<String> have = id(client, ref);
    if (have.isPresent()) {
      return have.get();
    }
    log.accept("base image " + ref + " is missing; creating it");
    if (!offline && pulled(client.images(), log)) {
      BuildRun.run(
          client.images(),
          ref,
          java.util.Map.of(),
          java.util.Map.of("UPSTREAM", UPSTREAM + ":" + UPSTREAM_TAG),
          false,
          out -> onlineContext(out),
          e -> {
            if (e instanceof BuildEvent.Output o) {
              log.accept(o.line());
            }
          });
    } else {
      BaseRootfs.Tarball tar = BaseRootfs.ensure(cacheDir, log);
      importTarball(client.images(), ref, tar, n -> {}, log);
    }
    return id(client, ref)
        .orElseThrow(() -> new IOException(ref + " does not exist after it was created"));
  }

  /** Imports a root file system tarball as {@code ref}, labelled with its hash. */
  public static void importTarball(
      ImageApi api, String ref, BaseRootfs.Tarball tar, LongConsumer bytes, Consumer<String> log)
      throws IOException, BuildFailedException {
    log.accept("importing " + tar.tar() + " as " + ref + " (offline base)");
    List<String> changes = List.of("LABEL " + InputsHash.LABEL + "=" + tar.sha256(), "CMD [\"bash\"]");
    try (HttpResponse r =
        api.importRootfs(
            ref,
            changes,
            out -> {
              try (InputStream in = Files.newInputStream(tar.tar())) {
                Transfers.copy(in, out, bytes);
              }
            })) {
      drain(r, log);
    }
  }

  private static boolean pulled(ImageApi api, Consumer<String> log) {
    log.accept("trying to pull " + UPSTREAM + ":" + UPSTREAM_TAG + " (online base)");
    try (HttpResponse r = api.pull(UPSTREAM, UPSTREAM_TAG, PULL_PROBE)) {
      drain(r, s -> {});
      log.accept("pulled " + UPSTREAM + ":" + UPSTREAM_TAG);
      return true;
    } catch (IOException | BuildFailedException e) {
      log.accept(
          "no registry reachable (" + firstLine(e.getMessage()) + "); building the base offline from"
              + " this host's Debian package sources");
      return false;
    }
  }

  /** Reads a JSON-lines answer to its end; a reported error becomes a failure. */
  static void drain(HttpResponse r, Consumer<String> log) throws IOException, BuildFailedException {
    BuildStreamParser parser = new BuildStreamParser();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      r.extendDeadline(ImageApi.IDLE);
      for (BuildEvent e : parser.accept(line)) {
        if (e instanceof BuildEvent.Failure f) {
          throw new BuildFailedException(f.message(), "", List.of());
        } else if (e instanceof BuildEvent.Output o) {
          log.accept(o.line());
        }
      }
    }
  }

  private static void onlineContext(OutputStream out) throws IOException {
    var tar = new io.pocketdock.internal.tar.TarWriter(Transfers.nonClosing(out)).owner(0, 0, "root", "root");
    tar.writeFile("Dockerfile", 0644, ProfileDefinition.builtinDockerfile("base"));
    tar.finish();
  }

  private static String firstLine(@org.jspecify.annotations.Nullable String s) {
    if (s == null) {
      return "no answer";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
