package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.EngineInfo;
import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.http.HttpRequest;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.http.UnixSocketTransport;
import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonValue;
import io.pocketdock.it.fault.PrivateEngine;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other IT class in the suite's JVM (ordered last, see junit-platform.properties)
 * and fails if the suite left anything behind: containers or images of this run on either engine,
 * private engines, pocket-dock threads (daemon or not) or any stray non-daemon thread, Unix-socket
 * connections, or pocket-dock temp files.
 */
@Order(Integer.MAX_VALUE)
class LeakCheckIT {
  /** Threads ending after their executors shut down may take a moment to go. */
  private static final Duration SETTLE = Duration.ofSeconds(10);

  @Test
  void suite_leftNoContainersOrImagesOfThisRun() throws IOException {
    List<String> leaks = new ArrayList<>();
    for (EngineInfo.Kind kind : EngineExtension.engines()) {
      Path socket = TestEngine.socketOf(kind);
      try (EngineClient raw = LeakSweeper.RawEngine.connect(socket)) {
        raw.listContainers(List.of(TestEngine.RUN_LABEL + "=" + TestEngine.RUN_ID))
            .forEach(c -> leaks.add(kind.id() + " container " + c.array("Names")));
      }
      leaks.addAll(images(kind, socket));
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void suite_leftNoPrivateEngines() {
    assertThat(PrivateEngine.live()).isEmpty();
    List<Long> engines = new ArrayList<>();
    ProcessHandle.current()
        .descendants()
        .filter(h -> h.info().commandLine().orElse("").contains("/run/pd-fault/"))
        .forEach(h -> engines.add(h.pid()));
    assertThat(engines).as("engine processes started by this JVM").isEmpty();
  }

  @Test
  void suite_leftNoThreadsOrConnections() throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    List<String> threads = strayThreads();
    List<String> sockets = unixSockets();
    while ((!threads.isEmpty() || !sockets.isEmpty()) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(200);
      threads = strayThreads();
      sockets = unixSockets();
    }
    assertThat(threads).as("pocket-dock threads and stray non-daemon threads").isEmpty();
    assertThat(sockets).as("open Unix-domain sockets (engine connections)").isEmpty();
  }

  @Test
  void suite_leftNoTempFiles() throws IOException {
    Instant jvmStart =
        ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<String> left = new ArrayList<>();
    try (Stream<Path> files = Files.list(tmp)) {
      files
          // The SDK's own prefix. Test code uses JUnit's @TempDir, which cleans up itself; other
          // processes on this machine (other suites, the CLI) may have their own files here.
          .filter(p -> p.getFileName().toString().startsWith("pocket-dock"))
          .filter(p -> {
            try {
              return Files.getLastModifiedTime(p).toInstant().isAfter(jvmStart);
            } catch (IOException e) {
              return false;
            }
          })
          .forEach(p -> left.add(p.toString()));
    }
    assertThat(left).isEmpty();
  }

  private static List<String> images(EngineInfo.Kind kind, Path socket) throws IOException {
    String filter =
        URLEncoder.encode(
            "{\"label\":[\"" + TestEngine.RUN_LABEL + "=" + TestEngine.RUN_ID + "\"]}",
            StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    try (UnixSocketTransport t = new UnixSocketTransport(socket);
        HttpResponse r =
            t.execute(HttpRequest.get("/v1.41/images/json?filters=" + filter), Duration.ofSeconds(30))) {
      JsonValue v = Json.parse(r.bodyString());
      if (v instanceof JsonArray a) {
        for (JsonValue i : a.values()) {
          if (i instanceof JsonObject o) {
            out.add(kind.id() + " image " + o.array("RepoTags"));
          }
        }
      }
    }
    return out;
  }

  /** Threads named pocket-dock-*, and non-daemon threads other than the JVM's and the runner's. */
  private static List<String> strayThreads() {
    List<String> out = new ArrayList<>();
    Thread self = Thread.currentThread();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      String name = t.getName();
      if (t == self || !t.isAlive()) {
        continue;
      }
      boolean ours = name.startsWith("pocket-dock");
      boolean runner = name.equals("main") || name.startsWith("surefire") || name.equals("DestroyJavaVM");
      if (ours || (!t.isDaemon() && !runner)) {
        out.add(name + (t.isDaemon() ? " (daemon)" : " (non-daemon)") + " " + t.getState());
      }
    }
    return out;
  }

  /**
   * Connections this JVM holds to an engine socket: our socket fds whose peer is a socket bound to
   * a {@code *.sock} path of an engine. (The JDK itself keeps one unconnected socket of a pair
   * open for its whole life, for closing channels asynchronously; that one has no engine peer.)
   */
  private static List<String> unixSockets() throws IOException {
    java.util.Set<String> ours = new java.util.HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            ours.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException gone) {
          // Closed while listing.
        }
      }
    }
    // ss -x: "u_str ESTAB 0 0 <local path or *> <local inode> <peer path or *> <peer inode>"
    Process ss = new ProcessBuilder("ss", "-xa").redirectErrorStream(true).start();
    java.util.Map<String, String> pathOf = new java.util.HashMap<>();
    java.util.Map<String, String> peerOf = new java.util.HashMap<>();
    for (String line :
        new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 8 && f[0].startsWith("u_")) {
        pathOf.put(f[5], f[4]);
        peerOf.put(f[5], f[7]);
      }
    }
    List<String> open = new ArrayList<>();
    for (String inode : ours) {
      String peerPath = pathOf.getOrDefault(peerOf.getOrDefault(inode, "0"), "*");
      if (peerPath.endsWith(".sock")) {
        open.add("socket " + inode + " connected to " + peerPath);
      }
    }
    return open;
  }
}
