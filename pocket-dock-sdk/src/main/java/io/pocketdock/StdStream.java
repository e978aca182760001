package io.pocketdock;

/** Which output stream of a command a piece of text came from. */
public enum StdStream {
  /** Standard output. */
  STDOUT,
  /** Standard error. */
  STDERR
}
