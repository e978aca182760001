package io.pocketdock.it.fault;

import io.pocketdock.ContainerSpec;
import io.pocketdock.EngineInfo;
import io.pocketdock.PocketDock;
import io.pocketdock.internal.http.Body;
import io.pocketdock.internal.http.HttpRequest;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.http.UnixSocketTransport;
import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonValue;
import io.pocketdock.it.TestEngine;
import io.pocketdock.it.TestImages;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Podman or Docker engine of the test's own: its own process, socket, storage and state under
 * {@code /run/pd-fault/<kind>-<id>}, so killing and restarting it, and everything in it, affects
 * nobody else. Loaded with the busybox test image from the shared engine. {@link #close()} removes
 * every trace: its containers, the processes it started (found by its unique state directory in
 * their command lines, ended by PID), its mounts and its files.
 */
public final class PrivateEngine implements AutoCloseable {
  private static final Path BASE = Path.of("/run/pd-fault");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** Engines started and not yet closed, for the suite's final leak check. */
  private static final java.util.Set<Path> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final EngineInfo.Kind kind;
  private final Path dir;
  private final Path socket;
  private Process process;

  private PrivateEngine(EngineInfo.Kind kind, Path dir) throws IOException {
    this.kind = kind;
    this.dir = dir;
    this.socket = dir.resolve(kind.id() + ".sock");
    this.process = launch();
  }

  /** Starts a fresh engine of this kind and loads the busybox test image into it. */
  public static PrivateEngine start(EngineInfo.Kind kind) throws IOException {
    Path dir = BASE.resolve(kind.id() + "-" + UUID.randomUUID().toString().substring(0, 8));
    Files.createDirectories(dir);
    LIVE.add(dir);
    PrivateEngine engine = new PrivateEngine(kind, dir);
    try {
      engine.awaitPing();
      engine.loadTestImage();
      return engine;
    } catch (IOException | RuntimeException | Error e) {
      engine.close();
      throw e;
    }
  }

  /** The engine kind. */
  public EngineInfo.Kind kind() {
    return kind;
  }

  /** Its socket. */
  public Path socket() {
    return socket;
  }

  /** A new client; orphan reaping off, since this engine holds only this test's containers. */
  public PocketDock connect() {
    return PocketDock.builder().socket(socket).reapOrphansOnConnect(false).build();
  }

  /** A spec for the busybox test image, labelled like every test container. */
  public ContainerSpec.Builder spec() {
    return ContainerSpec.builder()
        .image(TestImages.BUSYBOX)
        .labels(Map.of(TestEngine.RUN_LABEL, TestEngine.RUN_ID));
  }

  /** SIGKILL to the engine process, and waits for it to be gone: a crash, not a shutdown. */
  public void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError(kind + " engine pid " + process.pid() + " survived SIGKILL");
    }
    // dockerd's managed containerd notices its parent is gone and shuts down on its own; while it
    // holds its database a restarted dockerd times out starting a new one. Give it time, then end
    // it ourselves (it is this engine's process, found by this engine's unique directory).
    if (kind == EngineInfo.Kind.DOCKER) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      List<ProcessHandle> left = running(processes(" --config " + dir));
      while (!left.isEmpty() && System.nanoTime() < deadline) {
        sleep(200);
        left = running(processes(" --config " + dir));
      }
      left.forEach(ProcessHandle::destroyForcibly);
      // Once orphaned it may linger as a zombie until this machine's PID 1 reaps it, and dockerd
      // takes a live pid in its pid file for a running containerd it should reuse.
      try {
        Files.deleteIfExists(dir.resolve("exec/containerd/containerd.pid"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** Those not yet exited (a zombie has exited; only its parent has not collected it). */
  private static List<ProcessHandle> running(List<ProcessHandle> handles) {
    List<ProcessHandle> out = new ArrayList<>();
    for (ProcessHandle h : handles) {
      try {
        String stat = Files.readString(Path.of("/proc/" + h.pid() + "/stat"));
        if (stat.charAt(stat.lastIndexOf(')') + 2) != 'Z') {
          out.add(h);
        }
      } catch (IOException | RuntimeException gone) {
        // Exited and reaped.
      }
    }
    return out;
  }

  private List<ProcessHandle> processes(String containing) {
    long self = ProcessHandle.current().pid();
    List<ProcessHandle> found = new ArrayList<>();
    ProcessHandle.allProcesses()
        .filter(h -> h.pid() != self && h.isAlive())
        .filter(h -> cmdline(h.pid()).replace('\0', ' ').contains(containing))
        .forEach(found::add);
    return found;
  }

  /** Starts the engine again on the same state, and waits until it answers. */
  public void restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException("engine still running");
    }
    process = launch();
    awaitPing();
  }

  private Process launch() throws IOException {
    List<String> argv = new ArrayList<>();
    if (kind == EngineInfo.Kind.PODMAN) {
      argv.addAll(
          List.of(
              "podman",
              "--root", dir.resolve("root").toString(),
              "--runroot", dir.resolve("runroot").toString(),
              "--tmpdir", dir.resolve("tmp").toString(),
              "--events-backend", "file",
              "system", "service", "--time=0", "unix://" + socket));
    } else {
      Path config = dir.resolve("daemon.json");
      if (!Files.exists(config)) {
        Files.writeString(config, "{}\n"); // not the host's /etc/docker/daemon.json
      }
      argv.addAll(
          List.of(
              "dockerd",
              "--config-file", config.toString(),
              "--data-root", dir.resolve("data").toString(),
              "--exec-root", dir.resolve("exec").toString(),
              "--pidfile", dir.resolve("dockerd.pid").toString(),
              "-H", "unix://" + socket,
              // Never --bridge=none: dockerd then deletes the host's docker0, which the shared
              // Docker engine needs. A private bridge of our own, made here and removed in close().
              "--bridge=" + privateBridge(),
              "--iptables=false", "--ip6tables=false", "--ip-masq=false"));
    }
    Files.deleteIfExists(socket);
    return new ProcessBuilder(argv)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("engine.log").toFile()))
        .start();
  }

  private void awaitPing() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(kind + " engine exited at start: " + tail());
      }
      try (UnixSocketTransport t = new UnixSocketTransport(socket);
          HttpResponse r = t.execute(HttpRequest.get("/_ping"), Duration.ofSeconds(2))) {
        if (r.status() == 200) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      sleep(200);
    }
    throw new IOException(kind + " engine did not answer within " + START_TIMEOUT + ": " + tail(), last);
  }

  private void loadTestImage() throws IOException {
    String name = URLEncoder.encode(TestImages.BUSYBOX, StandardCharsets.UTF_8);
    byte[] archive;
    try (UnixSocketTransport shared = new UnixSocketTransport(sharedSocket());
        HttpResponse r =
            shared.execute(HttpRequest.get("/v1.41/images/" + name + "/get"), Duration.ofSeconds(60))) {
      if (r.status() != 200) {
        throw new IOException("export of " + TestImages.BUSYBOX + ": HTTP " + r.status() + " " + r.bodyString());
      }
      archive = r.body().readAllBytes();
    }
    try (UnixSocketTransport t = new UnixSocketTransport(socket);
        HttpResponse r =
            t.execute(
                HttpRequest.post("/v1.41/images/load?quiet=1", Body.bytes(archive, "application/x-tar")),
                Duration.ofSeconds(60))) {
      String body = r.bodyString();
      if (r.status() != 200 || body.contains("\"error")) {
        throw new IOException("load into private " + kind + ": HTTP " + r.status() + " " + body);
      }
    }
  }

  private Path sharedSocket() {
    return kind == EngineInfo.Kind.PODMAN
        ? Path.of(System.getProperty("pocketdock.socket.podman", "/run/podman/podman.sock"))
        : Path.of(System.getProperty("pocketdock.socket.docker", "/var/run/docker.sock"));
  }

  /** Removes everything this engine made, whatever state it is in. Idempotent. */
  @Override
  public void close() {
    if (process.isAlive()) {
      removeAllContainers();
      process.toHandle().destroy(); // SIGTERM: let it stop its containerd and shims cleanly
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.toHandle().destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    killStragglers();
    if (kind == EngineInfo.Kind.DOCKER) {
      ip("link", "delete", bridgeName());
    }
    unmountUnder();
    keepLog();
    deleteTree();
    LIVE.remove(dir);
  }

  /** The private Docker engine's bridge: 15 characters at most, unique per engine. */
  private String bridgeName() {
    // The state dir is "<kind>-<8 hex>": reuse its hex, so names never collide between engines.
    return "pdf" + dir.getFileName().toString().substring(kind.id().length() + 1);
  }

  /** Creates the private bridge (idempotent; a restart reuses it) and returns its name. */
  private String privateBridge() throws IOException {
    String name = bridgeName();
    if (!Files.exists(Path.of("/sys/class/net", name))) {
      // An address dockerd can take as the bridge's gateway; nothing is ever sent over it.
      int subnet = 1 + Math.floorMod(name.hashCode(), 250);
      if (ip("link", "add", name, "type", "bridge") != 0
          || ip("addr", "add", "10.253." + subnet + ".1/24", "dev", name) != 0
          || ip("link", "set", name, "up") != 0) {
        throw new IOException("could not create the private bridge " + name + " for dockerd");
      }
    }
    return name;
  }

  private static int ip(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add("ip");
    argv.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** State directories of engines started in this JVM and not closed. */
  public static java.util.Set<Path> live() {
    return java.util.Set.copyOf(LIVE);
  }

  /** Keeps the engine's log beside the test reports, for when a fault test fails. */
  private void keepLog() {
    try {
      Path logs = Path.of("target", "private-engines");
      Files.createDirectories(logs);
      Files.copy(
          dir.resolve("engine.log"),
          logs.resolve(dir.getFileName() + ".log"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // No log to keep.
    }
  }

  private void removeAllContainers() {
    try (UnixSocketTransport t = new UnixSocketTransport(socket)) {
      JsonValue list;
      try (HttpResponse r =
          t.execute(HttpRequest.get("/v1.41/containers/json?all=true"), Duration.ofSeconds(30))) {
        list = Json.parse(r.bodyString());
      }
      if (list instanceof JsonArray a) {
        for (JsonValue v : a.values()) {
          if (v instanceof JsonObject c) {
            try (HttpResponse r =
                t.execute(
                    HttpRequest.delete("/v1.41/containers/" + c.string("Id", "") + "?force=true&v=true"),
                    Duration.ofSeconds(30))) {
              r.bodyString();
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Teardown goes on: the processes and files are removed below anyway.
    }
  }

  /** Processes our engine started (conmon, containerd, shims) name our unique directory. */
  private void killStragglers() {
    for (int round = 0; round < 3; round++) {
      List<ProcessHandle> found = processes(dir.toString());
      if (found.isEmpty()) {
        return;
      }
      found.forEach(ProcessHandle::destroyForcibly);
      sleep(300);
    }
  }

  private static String cmdline(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private void unmountUnder() {
    try {
      List<String> mounts = new ArrayList<>();
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        if (f.length > 4 && (f[4].equals(dir.toString()) || f[4].startsWith(dir + "/"))) {
          mounts.add(f[4]);
        }
      }
      mounts.sort(Comparator.comparingInt(String::length).reversed());
      for (String m : mounts) {
        new ProcessBuilder("umount", "-l", m).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      // Nothing mounted or no mountinfo: nothing to do.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deleteTree() {
    try {
      new ProcessBuilder("rm", "-rf", "--one-file-system", dir.toString())
          .redirectErrorStream(true)
          .start()
          .waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      // Left for the next run's leak check to report.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("engine.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void sleep(long ms) {
    try {
      TimeUnit.MILLISECONDS.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "private " + kind.id() + " at " + socket;
  }
}
