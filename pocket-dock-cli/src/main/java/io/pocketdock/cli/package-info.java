/**
 * The {@code pocket-dock} command line: {@link io.pocketdock.cli.Main}, the root command, the
 * global options and the one place that turns exceptions into messages and exit codes.
 */
@NullMarked
package io.pocketdock.cli;

import org.jspecify.annotations.NullMarked;
