package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonValue;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@link ContainerInfo} live: inspect, then (when running) two one-shot stats samples a short
 * gap apart for CPU percent, and {@code top} for processes, the latter two in parallel.
 */
final class InfoReader {
  /** Gap between the two CPU samples: long enough to see use, short enough for an interactive call. */
  private static final long CPU_SAMPLE_GAP_MS = 200;

  private final EngineContext engine;

  InfoReader(EngineContext engine) {
    this.engine = engine;
  }

  ContainerInfo read(String id, String target) {
    JsonObject inspect = call(() -> engine.client.inspectContainer(id), target);
    JsonObject state = inspect.object("State");
    boolean running = state.bool("Running", false);
    Instant created = time(inspect.string("Created", "")).orElse(Instant.EPOCH);
    Instant started = running ? time(state.string("StartedAt", "")).orElse(null) : null;
    JsonObject hostConfig = inspect.object("HostConfig");
    JsonObject net = inspect.object("NetworkSettings");
    long memoryUsage = 0;
    long memoryLimit = hostConfig.longValue("Memory", 0);
    double cpu = 0;
    int pids = 0;
    List<ContainerInfo.ProcessEntry> processes = List.of();
    if (running) {
      CompletableFuture<List<ContainerInfo.ProcessEntry>> top =
          CompletableFuture.supplyAsync(() -> processes(call(() -> engine.client.top(id), target)), engine.workers);
      JsonObject first = call(() -> engine.client.stats(id), target);
      JsonObject second = first;
      if (!hasPreviousSample(first)) {
        sleep(CPU_SAMPLE_GAP_MS, target);
        second = call(() -> engine.client.stats(id), target);
      }
      cpu = cpuPercent(hasPreviousSample(first) ? first.object("precpu_stats") : first.object("cpu_stats"), second.object("cpu_stats"));
      JsonObject mem = second.object("memory_stats");
      memoryUsage = Math.max(0, mem.longValue("usage", 0) - cache(mem.object("stats")));
      memoryLimit = mem.longValue("limit", memoryLimit);
      pids = (int) second.object("pids_stats").longValue("current", 0);
      try {
        processes = top.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof PocketDockException p ? p : e;
      }
    }
    String name = inspect.string("Name", "");
    return new ContainerInfo(
        inspect.string("Id", id),
        name.startsWith("/") ? name.substring(1) : name,
        state.string("Status", "unknown"),
        inspect.object("Config").string("Image", ""),
        created,
        started,
        started == null ? Duration.ZERO : Duration.between(started, Instant.now()),
        memoryUsage,
        memoryLimit,
        memoryLimit > 0 ? 100.0 * memoryUsage / memoryLimit : 0,
        cpu,
        pids,
        !"none".equals(hostConfig.string("NetworkMode", "none")),
        ipAddress(net),
        ports(net.object("Ports")),
        processes,
        HardeningConfig.protections(inspect));
  }

  private static boolean hasPreviousSample(JsonObject stats) {
    return stats.object("precpu_stats").longValue("system_cpu_usage", 0) > 0;
  }

  private static double cpuPercent(JsonObject before, JsonObject after) {
    long cpuDelta =
        after.object("cpu_usage").longValue("total_usage", 0)
            - before.object("cpu_usage").longValue("total_usage", 0);
    long systemDelta = after.longValue("system_cpu_usage", 0) - before.longValue("system_cpu_usage", 0);
    long cpus = after.longValue("online_cpus", Runtime.getRuntime().availableProcessors());
    if (cpuDelta <= 0 || systemDelta <= 0) {
      return 0;
    }
    return 100.0 * cpuDelta / systemDelta * cpus;
  }

  /** Page cache is reclaimable, so engines' own CLIs subtract it; so do we (cgroup v1 and v2 keys). */
  private static long cache(JsonObject stats) {
    for (String key : List.of("total_inactive_file", "inactive_file", "cache")) {
      long v = stats.longValue(key, -1);
      if (v >= 0) {
        return v;
      }
    }
    return 0;
  }

  private static String ipAddress(JsonObject net) {
    String ip = net.string("IPAddress", "");
    if (!ip.isEmpty()) {
      return ip;
    }
    for (JsonValue v : net.object("Networks").members().values()) {
      if (v instanceof JsonObject n && !n.string("IPAddress", "").isEmpty()) {
        return n.string("IPAddress", "");
      }
    }
    return "";
  }

  private static List<String> ports(JsonObject ports) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonValue> e : ports.members().entrySet()) {
      if (e.getValue() instanceof JsonArray bindings) {
        for (JsonValue b : bindings.values()) {
          if (b instanceof JsonObject o) {
            out.add(o.string("HostIp", "") + ":" + o.string("HostPort", "") + "->" + e.getKey());
          }
        }
      }
    }
    return out;
  }

  /**
   * Docker splits {@code top} into cells; Podman's compat API returns each process as one {@code
   * ps} line under one title line, so split those on whitespace (the command, last, keeps its
   * spaces).
   */
  static List<ContainerInfo.ProcessEntry> processes(JsonObject top) {
    List<String> titles = top.array("Titles").strings();
    boolean unsplit = titles.size() == 1 && titles.get(0).trim().contains(" ");
    if (unsplit) {
      titles = List.of(titles.get(0).trim().split("\\s+"));
    }
    int pid = titles.indexOf("PID");
    int user = Math.max(titles.indexOf("USER"), titles.indexOf("UID"));
    int cmd = Math.max(titles.indexOf("CMD"), titles.indexOf("COMMAND"));
    List<ContainerInfo.ProcessEntry> out = new ArrayList<>();
    for (JsonValue row : top.array("Processes").values()) {
      if (row instanceof JsonArray cells) {
        List<String> c = cells.strings();
        if (unsplit && c.size() == 1) {
          c = List.of(c.get(0).trim().split("\\s+", titles.size()));
        }
        out.add(new ContainerInfo.ProcessEntry(cell(c, pid), cell(c, user), cell(c, cmd)));
      }
    }
    return out;
  }

  private static String cell(List<String> cells, int i) {
    return i >= 0 && i < cells.size() ? cells.get(i).trim() : "";
  }

  /** Engines write RFC 3339 times, with {@code Z} or an offset; never-started is year 1. */
  static java.util.Optional<Instant> time(String text) {
    if (text.isEmpty() || text.startsWith("0001-01-01")) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  private void sleep(long ms, String target) {
    try {
      TimeUnit.MILLISECONDS.sleep(ms);
    } catch (InterruptedException e) {
      throw Failures.interrupted("info", target, e);
    }
  }

  private <T> T call(Call<T> call, String target) {
    try {
      return call.run();
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("info", target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo("info", target, engine.socket(), e);
    }
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException;
  }
}
