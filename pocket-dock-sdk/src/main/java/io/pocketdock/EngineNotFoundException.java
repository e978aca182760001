package io.pocketdock;

import java.util.List;

/** No socket in the discovery order answered as a Podman or Docker engine. */
public final class EngineNotFoundException extends EngineException {
  private static final long serialVersionUID = 1L;

  /** Every socket that was tried, in order, each with why it was passed over. */
  private final String[] tried;

  EngineNotFoundException(List<String> tried) {
    super(
        "connect",
        null,
        "no container engine found; tried " + (tried.isEmpty() ? "nothing" : String.join(", ", tried)),
        "start one: `podman system service --time=0 &` or `dockerd &` (scripts/setup-engines does"
            + " both), or point POCKET_DOCK_SOCKET at your engine's socket",
        null);
    this.tried = tried.toArray(String[]::new);
  }

  /** Every socket that was tried, in order, each with why it was passed over. */
  public List<String> tried() {
    return List.of(tried);
  }
}
