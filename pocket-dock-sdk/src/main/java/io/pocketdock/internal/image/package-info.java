/**
 * Image profiles and the work on images behind them: the profile catalogue (built-in Dockerfiles
 * shipped in the jar, and a project's own), builds through the engine's build API with their
 * progress parsed, the offline base root file system made by {@code mmdebstrap} as a child
 * process, and export and import of image archives. Throws checked exceptions of its own; {@code
 * io.pocketdock} maps them to the public ones.
 */
@NullMarked
package io.pocketdock.internal.image;

import org.jspecify.annotations.NullMarked;
