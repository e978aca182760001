package io.pocketdock.bench;

import io.pocketdock.ContainerSpec;
import io.pocketdock.PocketDock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark: every workload of the performance issue against each engine, ours and the floor
 * interleaved, printed as one Markdown table per engine.
 *
 * <pre>
 * Bench [--engine podman|docker|both] [--quick] [--only Workload,...] [--out FILE] [--root DIR]
 * </pre>
 */
public final class Bench {
  static final String IMAGE = "localhost/pocket-dock/minimal:latest";
  static final String RUN_LABEL = "io.pocketdock.bench";

  private Bench() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    String engines = "both";
    boolean quick = false;
    Path out = null;
    Path root = Path.of("").toAbsolutePath();
    String only = "";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--engine" -> engines = args[++i];
        case "--quick" -> quick = true;
        case "--out" -> out = Path.of(args[++i]);
        case "--root" -> root = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<String> kinds = engines.equals("both") ? List.of("podman", "docker") : List.of(engines);
    StringBuilder md = new StringBuilder();
    md.append(Machine.describe(quick, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    System.out.print(md);
    for (String kind : kinds) {
      String section = runEngine(kind, quick, root, only);
      System.out.print(section);
      md.append(section);
    }
    if (out != null) {
      Files.writeString(out, md);
    }
  }

  static List<Workload> workloads() {
    return List.of(
        new CreateStart(),
        new PoolAcquire(),
        new RunTrue(),
        new BigStdout(),
        new FileRoundTrip(),
        new ConcurrentSleeps(),
        new Shutdown(),
        new SessionRoundTrip(),
        new CliRun(),
        new ManySandboxes());
  }

  private static String runEngine(String kind, boolean quick, Path root, String only)
      throws Exception {
    Path socket = Path.of(kind.equals("podman") ? "/run/podman/podman.sock" : "/var/run/docker.sock");
    String runId = UUID.randomUUID().toString();
    ContainerSpec spec = ContainerSpec.builder().image(IMAGE).labels(Map.of(RUN_LABEL, runId)).build();
    StringBuilder md = new StringBuilder();
    try (PocketDock dock = PocketDock.builder().socket(socket).fastExec(true).build();
        PocketDock execApi = PocketDock.builder().socket(socket).fastExec(false).build();
        RawEngine raw = new RawEngine(socket, IMAGE, RUN_LABEL, runId)) {
      BenchEnv env = new BenchEnv(kind, dock, execApi, raw, spec, quick, root);
      md.append("\n### ")
          .append(kind)
          .append(' ')
          .append(dock.engine().version())
          .append(" (API ")
          .append(dock.engine().apiVersion())
          .append(")\n\n")
          .append(Row.header())
          .append('\n');
      List<Row> rows = new ArrayList<>();
      for (Workload w : workloads()) {
        if (!only.isEmpty() && !List.of(only.split(",")).contains(w.getClass().getSimpleName())) {
          continue;
        }
        long t0 = System.nanoTime();
        try {
          rows.addAll(w.measure(env));
        } catch (Exception | Error e) {
          rows.add(Row.notAvailable(w.getClass().getSimpleName(), "", "failed: " + e));
        }
        System.err.printf(
            "bench %s: %s done in %.1f s%n", kind, w.getClass().getSimpleName(), (System.nanoTime() - t0) / 1e9);
      }
      for (Row r : rows) {
        md.append(r.markdown()).append('\n');
      }
      int left = raw.sweep();
      if (left > 0) {
        md.append("\n(").append(left).append(" containers were left behind and removed)\n");
      }
    }
    return md.toString();
  }
}
