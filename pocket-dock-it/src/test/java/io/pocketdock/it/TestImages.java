package io.pocketdock.it;

/** The images the tests run, pinned in one place; scripts/setup-engines builds them offline. */
public final class TestImages {
  /** The minimal profile: Debian, Python 3, bash, user sandbox. */
  public static final String MINIMAL = "localhost/pocket-dock/minimal:latest";

  /** busybox only, no bash or python: proves behaviour on a bare image. */
  public static final String BUSYBOX = "localhost/pocket-dock/test-busybox:latest";

  private TestImages() {}
}
