package io.pocketdock;

import io.pocketdock.internal.image.ProfileCatalog;
import io.pocketdock.internal.image.ProfileDefinition;
import java.io.IOException;

/**
 * Whether a sandbox gets a network when its spec does not say: the profile's default. Built-in
 * profiles answer from the catalogue without an engine call; another profile's image says it in its
 * {@code io.pocketdock.network} label (set by {@link PocketDock#build}); an explicit image gets none.
 */
final class NetworkDefault {
  private NetworkDefault() {}

  static boolean of(ContainerSpec spec, EngineContext engine) {
    if (spec.network() != null) {
      return spec.network();
    }
    if (spec.image() != null) {
      return false;
    }
    var builtin = ProfileCatalog.builtin(spec.profile());
    if (builtin.isPresent()) {
      return builtin.map(ProfileDefinition::networkDefault).orElse(false);
    }
    try {
      String label =
          engine
              .client
              .inspectImage(spec.imageReference())
              .object("Config")
              .object("Labels")
              .string(Labels.PREFIX + "network", "off");
      return label.equals("on");
    } catch (IOException | RuntimeException missingOrUnreadable) {
      // The create that follows reports a missing image properly; off is the safe default.
      return false;
    }
  }
}
