package io.pocketdock.internal.json;

/** The JSON literal {@code null}. */
public enum JsonNull implements JsonValue {
  /** The only instance. */
  INSTANCE
}
