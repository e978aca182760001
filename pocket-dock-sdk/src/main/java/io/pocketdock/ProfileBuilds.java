package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.image.BaseImage;
import io.pocketdock.internal.image.BaseRootfs;
import io.pocketdock.internal.image.BuildEvent;
import io.pocketdock.internal.image.BuildFailedException;
import io.pocketdock.internal.image.BuildRun;
import io.pocketdock.internal.image.InputsHash;
import io.pocketdock.internal.image.ProfileCatalog;
import io.pocketdock.internal.image.ProfileDefinition;
import io.pocketdock.internal.json.JsonObject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Lists, resolves and builds profiles for one engine: the public face of {@code internal.image},
 * mapping its failures to public exceptions.
 */
final class ProfileBuilds {
  private final EngineContext engine;

  ProfileBuilds(EngineContext engine) {
    this.engine = engine;
  }

  List<Profile> list(@Nullable Path projectRoot) {
    return definitions("profiles", projectRoot).stream().map(d -> describe("profiles", d)).toList();
  }

  Profile profile(String name, @Nullable Path projectRoot) {
    return describe("profile", definition("profile", name, projectRoot));
  }

  BuildResult build(String name, BuildOptions o) {
    long started = System.nanoTime();
    ProfileDefinition def = definition("build", name, o.projectRoot());
    Consumer<BuildProgress> progress = o.progress() != null ? o.progress() : p -> {};
    String base = o.baseImage() != null ? o.baseImage() : BaseImage.DEFAULT;
    try {
      List<ProfileDefinition.ContextFile> files = def.files();
      // Only a Dockerfile that builds FROM ${BASE_IMAGE} needs the base (and gets the argument):
      // a project profile FROM minimal must not make a base it never uses.
      boolean usesBase =
          files.stream()
              .anyMatch(
                  f ->
                      f.path().equals("Dockerfile")
                          && new String(f.content(), java.nio.charset.StandardCharsets.UTF_8)
                              .contains("BASE_IMAGE"));
      String baseId =
          !usesBase
              ? "none"
              : BaseImage.ensure(
                  engine.client,
                  base,
                  o.offline(),
                  ImageCache.dir(o.cacheDir()),
                  line ->
                      progress.accept(
                          new BuildProgress(name, BuildProgress.Phase.BASE, 0, 0, line)));
      Map<String, String> args = new LinkedHashMap<>();
      if (usesBase) {
        args.put("BASE_IMAGE", base);
      }
      args.putAll(o.buildArgs());
      String hash = InputsHash.of(baseId, files, args);
      Optional<JsonObject> existing = inspect(def.image());
      if (!o.force() && existing.isPresent() && hash.equals(label(existing.get(), InputsHash.LABEL))) {
        return new BuildResult(
            name, def.image(), existing.get().string("Id", ""), true, 0, 0, since(started));
      }
      Map<String, String> labels = new LinkedHashMap<>(o.labels());
      labels.put(Labels.PROFILE, name);
      labels.put(Labels.PREFIX + "version", ImageCache.sdkVersion());
      labels.put(Labels.PREFIX + "built", Instant.now().toString());
      if (usesBase) {
        labels.put(Labels.PREFIX + "base-image", baseId);
      }
      labels.put(Labels.PREFIX + "network", def.networkDefault() ? "on" : "off");
      labels.put(InputsHash.LABEL, hash);
      int[] step = {0, 0};
      BuildRun.Outcome outcome =
          BuildRun.run(
              engine.client.images(),
              def.image(),
              labels,
              args,
              o.noCache(),
              def::writeContext,
              e -> report(name, e, step, progress));
      JsonObject built =
          inspect(def.image())
              .orElseThrow(() -> new IOException(def.image() + " does not exist after its build"));
      if (!hash.equals(label(built, InputsHash.LABEL))) {
        throw new IOException(def.image() + " does not carry the labels of this build");
      }
      String id = built.string("Id", outcome.imageId());
      existing.ifPresent(old -> removeReplaced(old.string("Id", ""), id));
      return new BuildResult(
          name, def.image(), id, false, outcome.steps(), outcome.cachedSteps(), since(started));
    } catch (BuildFailedException e) {
      throw new ImageBuildException(
          "build", name, "build failed: " + e.getMessage(), e.step(), e.output(), false,
          "see the step's output above; fix the Dockerfile (" + def.location() + ")", e);
    } catch (BaseRootfs.BootstrapException e) {
      throw new ImageBuildException(
          "build", name, "cannot create the base image " + base + ": " + e.getMessage(), "",
          List.of(), false, e.hint().isEmpty() ? null : e.hint(), e);
    } catch (InterruptedIOException | ClosedByInterruptException e) {
      Thread.currentThread().interrupt();
      throw cancelled(name, e);
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("build", name, e, Failures.Missing.IMAGE, "");
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw cancelled(name, e);
      }
      throw Failures.fromIo("build", name, engine.socket(), e);
    }
  }

  private static ImageBuildException cancelled(String name, IOException e) {
    return new ImageBuildException(
        "build", name, "build cancelled", "", List.of(), true, null, e);
  }

  private static void report(
      String name, BuildEvent e, int[] step, Consumer<BuildProgress> progress) {
    if (e instanceof BuildEvent.Step s) {
      step[0] = s.step();
      step[1] = s.total();
      progress.accept(
          new BuildProgress(name, BuildProgress.Phase.STEP, s.step(), s.total(), s.instruction()));
    } else if (e instanceof BuildEvent.Output out) {
      progress.accept(
          new BuildProgress(name, BuildProgress.Phase.OUTPUT, step[0], step[1], out.line()));
    }
  }

  /** Removes the image a rebuild replaced, if nothing names or uses it any more (never forced). */
  private void removeReplaced(String oldId, String newId) {
    if (oldId.isEmpty() || oldId.equals(newId)) {
      return;
    }
    engine.quietly(() -> engine.client.images().remove(oldId, false));
  }

  private List<ProfileDefinition> definitions(String op, @Nullable Path projectRoot) {
    try {
      return ProfileCatalog.all(projectRoot);
    } catch (ProfileCatalog.InvalidProfileException e) {
      throw new InvalidArgumentException(op, e.getMessage(), e.hint());
    } catch (IOException e) {
      throw new InvalidArgumentException(
          op, "cannot read the project profiles under " + projectRoot + ": " + e.getMessage(), null);
    }
  }

  private ProfileDefinition definition(String op, String name, @Nullable Path projectRoot) {
    List<ProfileDefinition> all = definitions(op, projectRoot);
    return all.stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidArgumentException(
                    op,
                    "unknown profile '" + name + "'",
                    "valid profiles: " + ProfileCatalog.names(all)
                        + (projectRoot == null ? "" : " (project profiles live in "
                            + projectRoot.resolve(ProfileCatalog.PROJECT_DIR) + "/<name>/Dockerfile)")));
  }

  private Profile describe(String op, ProfileDefinition d) {
    Optional<ByteSize> size;
    try {
      size = inspect(d.image()).map(i -> ByteSize.of(Math.max(0, i.longValue("Size", 0))));
    } catch (IOException e) {
      throw Failures.fromIo(op, d.name(), engine.socket(), e);
    }
    return new Profile(
        d.name(), d.image(), d.networkDefault(), d.description(), size, d.location(), d.builtin());
  }

  private Optional<JsonObject> inspect(String image) throws IOException {
    try {
      return Optional.of(engine.client.inspectImage(image));
    } catch (EngineResponseException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw Failures.fromEngine("inspect", image, e, Failures.Missing.IMAGE, "");
    }
  }

  private static String label(JsonObject inspect, String key) {
    return inspect.object("Config").object("Labels").string(key, "");
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
