package io.pocketdock.bench;

import io.pocketdock.ContainerSpec;
import io.pocketdock.PocketDock;
import java.nio.file.Path;

/**
 * What every workload gets: the engine under test through the SDK and raw, the spec to create
 * sandboxes from, and whether this is the quick run.
 *
 * @param engine the engine's name, {@code podman} or {@code docker}
 * @param dock the SDK with its defaults (fast exec path on)
 * @param execApi the SDK with the fast exec path off: every run through the engine's exec API
 * @param raw the floor
 * @param spec sandboxes to create: the minimal image, labelled for the sweep
 * @param quick whether to run few iterations (the whole quick run stays under two minutes)
 * @param root the repository root (for the CLI)
 */
record BenchEnv(
    String engine, PocketDock dock, PocketDock execApi, RawEngine raw, ContainerSpec spec, boolean quick, Path root) {

  /** {@code quick} iterations in a quick run, else {@code full}. */
  int iterations(int quick, int full) {
    return this.quick ? quick : full;
  }
}
