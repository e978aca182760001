/**
 * Terminal concerns of the CLI: TTY detection, colours, aligned tables, prompts and {@code --json}
 * output. Nothing here calls the SDK.
 */
@NullMarked
package io.pocketdock.cli.terminal;

import org.jspecify.annotations.NullMarked;
