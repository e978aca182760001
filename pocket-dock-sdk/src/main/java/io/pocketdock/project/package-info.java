/**
 * Projects: a {@code .pocket-dock/} directory next to your code that holds the project's config
 * ({@code pocket-dock.yaml}) and, for each persistent container, an instance directory with its
 * metadata ({@code instance.toml}), run history ({@code history.jsonl}) and output logs.
 *
 * <p>Start with {@link io.pocketdock.project.Project#init} or {@link
 * io.pocketdock.project.Project#find}. This package never talks to the engine; {@link
 * io.pocketdock.PocketDock} does, and uses a project to label containers and record their runs.
 */
@NullMarked
package io.pocketdock.project;

import org.jspecify.annotations.NullMarked;
