/**
 * A strict RFC 8259 JSON reader and writer over a sealed tree of immutable values.
 *
 * <p>The engine API speaks JSON, and the SDK may not depend on a JSON library, so this package is
 * the whole codec: {@link io.pocketdock.internal.json.Json} parses and writes, {@link
 * io.pocketdock.internal.json.JsonValue} and its records are the tree. {@link
 * io.pocketdock.internal.json.JsonObject} carries null-tolerant accessors because engine responses
 * use {@code null} and missing members interchangeably.
 */
@NullMarked
package io.pocketdock.internal.json;

import org.jspecify.annotations.NullMarked;
