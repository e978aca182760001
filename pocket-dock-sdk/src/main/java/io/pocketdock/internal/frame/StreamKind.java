package io.pocketdock.internal.frame;

/** Which output stream a piece of exec or attach output belongs to. */
public enum StreamKind {
  /** Standard output; also used for raw (unframed) streams and for stdin echo frames. */
  STDOUT,
  /** Standard error. */
  STDERR
}
