package io.pocketdock;

import java.time.Duration;

/**
 * What {@link PocketDock#build} produced.
 *
 * @param profile the profile
 * @param image the image name, {@code localhost/pocket-dock/<profile>:latest}
 * @param imageId the image's id
 * @param reused true when the image was already current (same Dockerfile, context, base and build
 *     arguments) and nothing was built
 * @param steps how many steps ran, as the engine counts them (Podman counts each image label as a
 *     step of its own); 0 when reused
 * @param cachedSteps how many of those the engine answered from its cache
 * @param duration how long the call took
 */
public record BuildResult(
    String profile,
    String image,
    String imageId,
    boolean reused,
    int steps,
    int cachedSteps,
    Duration duration) {}
