package io.pocketdock;

import java.util.Optional;

/**
 * An image profile: a named Dockerfile and the image it builds. Built-in profiles ({@code minimal},
 * {@code dev}, {@code agent}, {@code embedded}, {@code node}) ship inside the SDK; a project adds
 * its own as {@code .pocket-dock/profiles/<name>/Dockerfile}.
 *
 * <pre>{@code
 * for (Profile p : dock.profiles()) {
 *   System.out.println(p.name() + "  " + p.size().map(ByteSize::toString).orElse("not built"));
 * }
 * }</pre>
 *
 * @param name the profile name, e.g. {@code dev}
 * @param image the image it builds and sandboxes run, {@code localhost/pocket-dock/<name>:latest}
 * @param networkDefault whether its sandboxes get a network when the spec does not say ({@code
 *     minimal} and {@code agent}: off; {@code dev}, {@code embedded}, {@code node}: on)
 * @param description one line about what is inside
 * @param size the image's size as the engine reports it; empty when the image is not built
 * @param dockerfile where the Dockerfile lives: {@code classpath:io/pocketdock/images/<name>/Dockerfile}
 *     for a built-in profile, a file path for a project profile
 * @param builtin whether the profile ships with pocket-dock (else it is the project's)
 */
public record Profile(
    String name,
    String image,
    boolean networkDefault,
    String description,
    Optional<ByteSize> size,
    String dockerfile,
    boolean builtin) {}
