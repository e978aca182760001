package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonString;
import io.pocketdock.internal.json.JsonValue;
import io.pocketdock.project.DoctorReport;
import io.pocketdock.project.InstanceDir;
import io.pocketdock.project.Project;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The managed containers on the engine, found by label: list, resume, stop, destroy, prune and the
 * project doctor. Everything here starts from the engine (labels are the truth), so it works the
 * same when {@code .pocket-dock/} is gone. Containers without our {@code io.pocketdock.managed}
 * label are never touched: to these operations they do not exist.
 */
final class Fleet {
  private final PocketDock dock;
  private final EngineContext engine;
  private final @Nullable Project project;

  Fleet(PocketDock dock, EngineContext engine, @Nullable Project project) {
    this.dock = dock;
    this.engine = engine;
    this.project = project;
  }

  List<ContainerSummary> list(@Nullable String projectName) {
    List<String> filters = new ArrayList<>();
    filters.add(Labels.MANAGED + "=true");
    if (projectName != null) {
      filters.add(Labels.PROJECT + "=" + projectName);
    }
    List<JsonObject> raw;
    try {
      raw = engine.client.listContainers(filters);
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("list", "", e, Failures.Missing.CONTAINER_NOT_FOUND, "");
    } catch (IOException e) {
      throw Failures.fromIo("list", null, engine.socket(), e);
    }
    List<ContainerSummary> out = new ArrayList<>();
    for (JsonObject c : raw) {
      out.add(summary(c));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  private static ContainerSummary summary(JsonObject c) {
    Map<String, String> labels = labels(c.object("Labels"));
    List<String> names = c.array("Names").strings();
    String name = names.isEmpty() ? c.string("Id", "") : names.get(0);
    String project = labels.getOrDefault(Labels.PROJECT, "");
    return new ContainerSummary(
        c.string("Id", ""),
        name.startsWith("/") ? name.substring(1) : name,
        c.string("State", "unknown"),
        c.string("Image", ""),
        Instant.ofEpochSecond(c.longValue("Created", 0)),
        "true".equals(labels.get(Labels.PERSIST)),
        project.isEmpty() ? null : project);
  }

  private static Map<String, String> labels(JsonObject o) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
      if (e.getValue() instanceof JsonString s) {
        out.put(e.getKey(), s.value());
      }
    }
    return out;
  }

  /** Inspects a managed container by name or id; anything else is "not found". */
  private JsonObject inspectManaged(String operation, String name) {
    if (name.isBlank() || name.contains("/")) {
      throw InvalidArgumentException.of(operation, "invalid container name '" + name + "'");
    }
    JsonObject inspect;
    try {
      inspect = engine.client.inspectContainer(name);
    } catch (EngineResponseException e) {
      throw Failures.fromEngine(operation, name, e, Failures.Missing.CONTAINER_NOT_FOUND, "");
    } catch (IOException e) {
      throw Failures.fromIo(operation, name, engine.socket(), e);
    }
    if (!"true".equals(labels(inspect.object("Config").object("Labels")).get(Labels.MANAGED))) {
      throw new ContainerNotFoundException(operation, name);
    }
    return inspect;
  }

  Container resume(String name) {
    JsonObject inspect = inspectManaged("resume", name);
    String id = inspect.string("Id", name);
    try {
      // Ports, mounts and limits live in the engine's container: starting it restores them all.
      engine.client.startContainer(id);
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("resume", name, e, Failures.Missing.CONTAINER_NOT_FOUND, "");
    } catch (IOException e) {
      throw Failures.fromIo("resume", name, engine.socket(), e);
    }
    String realName = realName(inspect, name);
    ContainerSpec spec = SpecReader.fromInspect(inspect);
    InstanceJournal journal = InstanceJournal.forContainer(project, spec, realName);
    if (journal != null) {
      journal.record(spec, realName, id, true);
    }
    return new EngineContainer(dock, engine, spec, realName, id);
  }

  void stop(String name) {
    String id = inspectManaged("stop", name).string("Id", name);
    try {
      engine.client.stopContainer(id, Provisioner.STOP_TIMEOUT_SECONDS);
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("stop", name, e, Failures.Missing.CONTAINER_NOT_FOUND, "");
    } catch (IOException e) {
      throw Failures.fromIo("stop", name, engine.socket(), e);
    }
  }

  void destroy(String name) {
    JsonObject inspect = inspectManaged("destroy", name);
    remove("destroy", inspect.string("Id", name), realName(inspect, name));
    removeInstanceDirs(realName(inspect, name), labels(inspect.object("Config").object("Labels")));
  }

  int prune(PruneOptions options) {
    int removed = 0;
    for (ContainerSummary c : list(options.project())) {
      if (c.running() || c.status().equals("paused") || (c.persist() && !options.includePersistent())) {
        continue;
      }
      JsonObject inspect;
      try {
        inspect = engine.client.inspectContainer(c.id());
      } catch (IOException e) {
        continue; // removed meanwhile, or the engine hiccupped: prune is best effort per container
      }
      if (inspect.object("State").bool("Running", false)) {
        continue; // started since we listed it
      }
      try {
        remove("prune", c.id(), c.name());
        removed++;
      } catch (ContainerNotFoundException gone) {
        continue;
      }
      removeInstanceDirs(c.name(), labels(inspect.object("Config").object("Labels")));
    }
    return removed;
  }

  DoctorReport doctor(Path start) {
    Project p = Project.require("doctor", start);
    Set<String> containers = new HashSet<>();
    for (ContainerSummary c : list(p.name())) {
      if (c.persist()) {
        containers.add(c.name());
      }
    }
    Set<String> dirs = new HashSet<>();
    for (InstanceDir d : p.instances()) {
      dirs.add(d.name());
    }
    List<String> orphans = new ArrayList<>();
    int healthy = 0;
    for (String c : containers) {
      if (dirs.contains(c)) {
        healthy++;
      } else {
        orphans.add(c);
      }
    }
    List<String> stale = new ArrayList<>();
    for (String d : dirs) {
      if (!containers.contains(d)) {
        stale.add(d);
      }
    }
    orphans.sort(null);
    stale.sort(null);
    return new DoctorReport(p.name(), orphans, stale, healthy);
  }

  private void remove(String operation, String id, String name) {
    try {
      engine.client.removeContainer(id, true);
    } catch (EngineResponseException e) {
      throw Failures.fromEngine(operation, name, e, Failures.Missing.CONTAINER_NOT_FOUND, "");
    } catch (IOException e) {
      throw Failures.fromIo(operation, name, engine.socket(), e);
    }
  }

  /**
   * Deletes {@code .pocket-dock/instances/<name>} under the project root recorded in the labels
   * and under this dock's project. The name is a validated container name, so the path cannot
   * leave the instances directory whatever a label says.
   */
  private void removeInstanceDirs(String name, Map<String, String> labels) {
    List<Project> projects = new ArrayList<>();
    if (project != null) {
      projects.add(project);
    }
    String root = labels.getOrDefault(Labels.PROJECT_ROOT, "");
    if (!root.isEmpty()) {
      try {
        Project.find(Path.of(root)).filter(p -> p.root().equals(Path.of(root))).ifPresent(projects::add);
      } catch (RuntimeException unreadable) {
        // A broken config elsewhere must not fail the destroy; its instance dir stays.
      }
    }
    for (Project p : projects) {
      try {
        p.instance(name).delete();
      } catch (IOException | RuntimeException e) {
        System.getLogger("io.pocketdock.project")
            .log(System.Logger.Level.WARNING, "cannot delete instance dir of " + name + ": " + e.getMessage());
      }
    }
  }

  private static String realName(JsonObject inspect, String fallback) {
    String n = inspect.string("Name", fallback);
    return n.startsWith("/") ? n.substring(1) : n;
  }
}
