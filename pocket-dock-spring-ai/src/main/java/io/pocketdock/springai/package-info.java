/**
 * pocket-dock for Spring AI: {@link io.pocketdock.springai.PocketDockToolCallbackProvider} gives a
 * chat client tools over one pocket-dock sandbox.
 */
@NullMarked
package io.pocketdock.springai;

import org.jspecify.annotations.NullMarked;
