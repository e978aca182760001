/**
 * The on-disk formats of a project: a flat YAML subset ({@code pocket-dock.yaml}), a TOML subset
 * ({@code instance.toml}), JSON lines ({@code history.jsonl}) and size-rotated log files. Every
 * reader reports the line it choked on; every writer is atomic (temp file + rename) or appends
 * under a file lock, so a crash or a second JVM never leaves a half-written file behind.
 */
@NullMarked
package io.pocketdock.internal.config;

import org.jspecify.annotations.NullMarked;
