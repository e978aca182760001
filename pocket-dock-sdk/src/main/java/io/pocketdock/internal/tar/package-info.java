/**
 * A streaming tar codec (POSIX ustar and pax, with GNU long names) and a safe extractor.
 *
 * <p>The container engine's archive API moves files as tar streams: {@code PUT
 * /containers/{id}/archive} takes one that {@link io.pocketdock.internal.tar.TarWriter} and {@link
 * io.pocketdock.internal.tar.TarTree} produce, and {@code GET /containers/{id}/archive} returns one
 * that {@link io.pocketdock.internal.tar.TarReader} reads. A container may be hostile, so the
 * reader rejects anything malformed with a {@link io.pocketdock.internal.tar.TarFormatException}
 * and {@link io.pocketdock.internal.tar.SafeExtractor} refuses every entry that could write outside
 * its destination.
 *
 * <p>JDK only; nothing here imports another pocket-dock package.
 */
@NullMarked
package io.pocketdock.internal.tar;

import org.jspecify.annotations.NullMarked;
