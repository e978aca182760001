package io.pocketdock.mcp;

import io.pocketdock.Container;
import io.pocketdock.ContainerNotFoundException;
import io.pocketdock.ContainerSummary;
import io.pocketdock.PocketDock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Persistent sandboxes that earlier runs of the server left behind, which a later run may take
 * up again. One belongs to this server's family when it carries {@link Sandboxes#MANAGED_LABEL}
 * and every {@code --label} this server was started with: an operator who runs servers with
 * different labels keeps their sandboxes apart, and a model never reaches other containers.
 */
final class EarlierSandboxes {
  private EarlierSandboxes() {}

  /**
   * One such sandbox, as {@code sandbox_list} shows it.
   *
   * @param id its sandbox id (the container name)
   * @param status the engine's state, e.g. {@code exited} or {@code running}
   * @param image the image it runs
   * @param created when it was created
   */
  record Found(String id, String status, String image, Instant created) {}

  /** The family's persistent sandboxes that this session does not hold, by name. */
  static List<Found> find(PocketDock dock, ServerOptions options, Set<String> held) {
    List<Found> out = new ArrayList<>();
    for (ContainerSummary c : dock.list()) {
      if (!c.persist() || held.contains(c.name())) {
        continue;
      }
      try {
        if (inFamily(dock.attach(c.name()), options)) {
          out.add(new Found(c.name(), c.status(), c.image(), c.created()));
        }
      } catch (ContainerNotFoundException removedMeanwhile) {
        // Listed, then removed by someone else before we looked closer: not there any more.
      }
    }
    return out;
  }

  /** Starts one of the family's persistent sandboxes (running already is fine). */
  static Container resume(PocketDock dock, ServerOptions options, String id) {
    ToolError unknown =
        new ToolError(
            "no persistent sandbox '" + id + "' from an earlier session",
            "sandbox_list shows them under earlier_sandboxes");
    Container found;
    try {
      found = dock.attach(id);
    } catch (ContainerNotFoundException e) {
      throw unknown;
    }
    if (!found.spec().persist() || !inFamily(found, options)) {
      throw unknown;
    }
    return dock.resume(found.id());
  }

  private static boolean inFamily(Container c, ServerOptions options) {
    Map<String, String> labels = c.spec().labels();
    if (!"true".equals(labels.get(Sandboxes.MANAGED_LABEL))) {
      return false;
    }
    for (Map.Entry<String, String> e : options.labels().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
