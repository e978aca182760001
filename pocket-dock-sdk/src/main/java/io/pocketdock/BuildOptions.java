package io.pocketdock;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How {@link PocketDock#build} builds a profile. Start from {@link #defaults()} and change what you
 * need with the withers.
 *
 * <pre>{@code
 * dock.build("dev", BuildOptions.defaults().withProgress(p -> System.out.println(p)));
 * }</pre>
 *
 * <p>To cancel a build, interrupt the thread that runs it: the connection to the engine closes, the
 * engine stops the build, and the call throws {@link ImageBuildException} with {@link
 * ImageBuildException#cancelled()} true (the interrupt flag stays set).
 *
 * @param progress receives each step and line of output as it happens; {@code null} for none
 * @param force build even when the image is current (the engine's cache still makes unchanged
 *     steps instant); without it a current image is returned as it is
 * @param noCache make the engine run every step again instead of using its cache
 * @param offline do not try a registry for the base image; make it from the host's Debian sources
 *     right away (without it a pull is tried first and offline is the fallback)
 * @param baseImage the base image to build {@code FROM}, or {@code null} for {@code
 *     localhost/pocket-dock/base:bookworm}; made when missing
 * @param buildArgs extra build arguments, e.g. {@code WITH_PLATFORMIO=true} for {@code embedded}
 * @param labels extra labels on the image
 * @param projectRoot the project whose {@code .pocket-dock/profiles} are looked at, or {@code null}
 * @param cacheDir where the offline base root file system is cached, or {@code null} for {@code
 *     $POCKET_DOCK_CACHE}, else {@code /var/cache/pocket-dock} when writable, else {@code
 *     ~/.cache/pocket-dock}
 */
public record BuildOptions(
    @Nullable Consumer<BuildProgress> progress,
    boolean force,
    boolean noCache,
    boolean offline,
    @Nullable String baseImage,
    Map<String, String> buildArgs,
    Map<String, String> labels,
    @Nullable Path projectRoot,
    @Nullable Path cacheDir) {

  /** Copies the maps. */
  public BuildOptions {
    buildArgs = Map.copyOf(buildArgs);
    labels = Map.copyOf(labels);
  }

  /** No progress, reuse a current image, use the cache, try a registry for a missing base. */
  public static BuildOptions defaults() {
    return new BuildOptions(null, false, false, false, null, Map.of(), Map.of(), null, null);
  }

  /** With a progress listener. */
  public BuildOptions withProgress(@Nullable Consumer<BuildProgress> value) {
    return new BuildOptions(value, force, noCache, offline, baseImage, buildArgs, labels, projectRoot, cacheDir);
  }

  /** Building even when the image is current. */
  public BuildOptions withForce(boolean value) {
    return new BuildOptions(progress, value, noCache, offline, baseImage, buildArgs, labels, projectRoot, cacheDir);
  }

  /** Without the engine's build cache. */
  public BuildOptions withNoCache(boolean value) {
    return new BuildOptions(progress, force, value, offline, baseImage, buildArgs, labels, projectRoot, cacheDir);
  }

  /** Making a missing base offline without trying a registry. */
  public BuildOptions withOffline(boolean value) {
    return new BuildOptions(progress, force, noCache, value, baseImage, buildArgs, labels, projectRoot, cacheDir);
  }

  /** Building from another base image. */
  public BuildOptions withBaseImage(@Nullable String value) {
    return new BuildOptions(progress, force, noCache, offline, value, buildArgs, labels, projectRoot, cacheDir);
  }

  /** With these build arguments. */
  public BuildOptions withBuildArgs(Map<String, String> value) {
    return new BuildOptions(progress, force, noCache, offline, baseImage, value, labels, projectRoot, cacheDir);
  }

  /** With these extra image labels. */
  public BuildOptions withLabels(Map<String, String> value) {
    return new BuildOptions(progress, force, noCache, offline, baseImage, buildArgs, value, projectRoot, cacheDir);
  }

  /** Looking for project profiles under this project root. */
  public BuildOptions withProjectRoot(@Nullable Path value) {
    return new BuildOptions(progress, force, noCache, offline, baseImage, buildArgs, labels, value, cacheDir);
  }

  /** Caching the offline base root file system here. */
  public BuildOptions withCacheDir(@Nullable Path value) {
    return new BuildOptions(progress, force, noCache, offline, baseImage, buildArgs, labels, projectRoot, value);
  }
}
