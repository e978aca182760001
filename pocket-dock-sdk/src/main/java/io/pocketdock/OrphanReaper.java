package io.pocketdock;

import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonString;
import io.pocketdock.internal.json.JsonValue;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Finds ephemeral sandboxes whose creating process is gone (killed with SIGKILL, power loss: no
 * shutdown hook ran) and removes them. A sandbox is an orphan when its labels name this host, it
 * is not persistent, it was made to die with its creator ({@link Labels#LIFETIME} is {@code
 * process}), and the creator's PID is no longer alive, or is alive with another start time (the PID
 * was reused). Persistent sandboxes, sandboxes created to outlive their process, and those of other
 * hosts are never touched.
 *
 * <p>Owned by one {@link PocketDock}; no static state. The process table comes in through the
 * constructor so the decision can be tested without killing anything.
 */
final class OrphanReaper {
  /** Start times are read from /proc with clock-tick precision; allow for rounding. */
  private static final long START_TOLERANCE_MS = 1000;

  private final EngineContext engine;
  private final String host;
  private final LongFunction<Optional<Instant>> startOfLivePid;

  OrphanReaper(EngineContext engine, String host) {
    this(engine, host, OrphanReaper::startOf);
  }

  OrphanReaper(EngineContext engine, String host, LongFunction<Optional<Instant>> startOfLivePid) {
    this.engine = engine;
    this.host = host;
    this.startOfLivePid = startOfLivePid;
  }

  /** Removes the orphans and returns their names. */
  List<String> reap() {
    List<JsonObject> candidates;
    try {
      candidates =
          engine.client.listContainers(
              List.of(
                  Labels.MANAGED + "=true",
                  Labels.PERSIST + "=false",
                  Labels.LIFETIME + "=" + Labels.LIFETIME_PROCESS,
                  Labels.CREATOR_HOST + "=" + host));
    } catch (io.pocketdock.internal.engine.EngineResponseException e) {
      // Listing names no container: whatever the engine refused, it is a refused request.
      throw new EngineRequestException("reap", null, e.status(), e.engineMessage());
    } catch (IOException e) {
      throw Failures.fromIo("reap", null, engine.socket(), e);
    }
    List<String> removed = new ArrayList<>();
    for (JsonObject c : candidates) {
      if (orphaned(labels(c), host, startOfLivePid)) {
        String id = c.string("Id", "");
        try {
          engine.client.removeContainer(id, true);
          removed.add(name(c, id));
        } catch (IOException e) {
          // Gone already (another reaper won the race) or the engine refused: not ours to report.
        }
      }
    }
    return removed;
  }

  /** {@link #reap()} for a background thread: failures are dropped, the next start retries. */
  void reapQuietly() {
    try {
      reap();
    } catch (RuntimeException e) {
      // Best effort at connect: an unreachable engine is reported by the caller's own calls.
    }
  }

  /**
   * The decision, on one container's labels. Unparseable creator labels mean "not ours to judge".
   */
  static boolean orphaned(
      Map<String, String> labels, String host, LongFunction<Optional<Instant>> startOfLivePid) {
    if (!"true".equals(labels.get(Labels.MANAGED))
        || !"false".equals(labels.get(Labels.PERSIST))
        || !Labels.LIFETIME_PROCESS.equals(labels.get(Labels.LIFETIME))
        || !host.equals(labels.get(Labels.CREATOR_HOST))) {
      return false;
    }
    long pid;
    long started;
    try {
      pid = Long.parseLong(labels.getOrDefault(Labels.CREATOR_PID, ""));
      started = Long.parseLong(labels.getOrDefault(Labels.CREATOR_STARTED, ""));
    } catch (NumberFormatException e) {
      return false;
    }
    if (pid <= 0) {
      return false;
    }
    Optional<Instant> live = startOfLivePid.apply(pid);
    return live.isEmpty() || !sameStart(live, started);
  }

  private static boolean sameStart(Optional<Instant> live, long labelMillis) {
    // A start time we cannot read, or an unknown one in the label, counts as the same process.
    if (labelMillis <= 0 || live.isEmpty() || live.get().equals(Instant.MAX)) {
      return true;
    }
    return Math.abs(live.get().toEpochMilli() - labelMillis) <= START_TOLERANCE_MS;
  }

  /** Empty when no process has this PID; {@link Instant#MAX} when it lives but its start is unknown. */
  private static Optional<Instant> startOf(long pid) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(h -> h.info().startInstant().orElse(Instant.MAX));
  }

  private static Map<String, String> labels(JsonObject summary) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, JsonValue> e : summary.object("Labels").members().entrySet()) {
      if (e.getValue() instanceof JsonString s) {
        out.put(e.getKey(), s.value());
      }
    }
    return out;
  }

  private static String name(JsonObject summary, String id) {
    List<String> names = summary.array("Names").strings();
    String name = names.isEmpty() ? id : names.get(0);
    return name.startsWith("/") ? name.substring(1) : name;
  }
}
