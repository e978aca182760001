/**
 * One class per {@code pocket-dock} subcommand: parse, one SDK call, render. Each writes only to
 * its command spec's writers and leaves exit codes for failures to the {@link
 * io.pocketdock.cli.ErrorHandler}.
 */
@NullMarked
package io.pocketdock.cli.command;

import org.jspecify.annotations.NullMarked;
