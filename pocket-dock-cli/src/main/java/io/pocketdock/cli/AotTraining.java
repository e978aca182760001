package io.pocketdock.cli;

import io.pocketdock.cli.terminal.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training run behind the CLI's JDK 25 AOT cache ({@code bin/pocket-dock} runs it once per
 * jar, in the background, with {@code -XX:AOTCacheOutput}). It runs the common commands in-process
 * against a stand-in engine on a temporary Unix socket, so the classes and methods a real command
 * needs (picocli, the SDK's HTTP client, JSON, stream framing, the CLI's output) are loaded and
 * linked, without an engine and without touching any container.
 *
 * <p>The stand-in answers just enough of the engine API for those commands: {@code _ping}, the
 * container list, one container's inspect, and an exec that prints a line and exits 0. Nothing of it
 * is used outside this training.
 */
public final class AotTraining {
  private static final String NAME = "pd-aot-training";
  private static final String ID = "0123456789ab".repeat(5) + "cdef";

  private static final String STATS =
      "{\"read\":\"2026-01-01T00:00:01Z\",\"pids_stats\":{\"current\":1},"
          + "\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":2000000},\"system_cpu_usage\":200000000,"
          + "\"online_cpus\":2},\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":1000000},"
          + "\"system_cpu_usage\":100000000,\"online_cpus\":2},"
          + "\"memory_stats\":{\"usage\":1048576,\"limit\":268435456}}";

  private AotTraining() {}

  /** Runs the training; exits 0 whatever the commands printed (the point is what they loaded). */
  public static void main(String[] args) throws IOException {
    System.setProperty("pocketdock.virtualThreads", "false"); // as Main does
    train(3);
  }

  /**
   * Runs the common commands {@code rounds} times against a fresh stand-in engine and returns what
   * each printed (stdout and stderr together) in the last round.
   */
  static List<String> train(int rounds) throws IOException {
    Path dir = Files.createTempDirectory("pocket-dock-aot");
    Path socket = dir.resolve("engine.sock");
    List<String> printed = new ArrayList<>();
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread engine = new Thread(() -> serve(server), "aot-stand-in-engine");
      engine.setDaemon(true);
      engine.start();
      for (int round = 0; round < rounds; round++) {
        printed.clear();
        for (List<String> command : commands(socket.toString())) {
          StringWriter sink = new StringWriter();
          PrintWriter out = new PrintWriter(sink);
          String[] argv = command.toArray(String[]::new);
          PocketDockCommand.commandLine(
                  new PocketDockCommand(Terminal.none(), SdkDock::connect), out, out, argv)
              .execute(argv);
          out.flush();
          printed.add(sink.toString());
        }
      }
    } finally {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    }
    return printed;
  }

  /** The commands trained, against the engine at {@code socket}. */
  static List<List<String>> commands(String socket) {
    return List.of(
        List.of("--socket", socket, "run", NAME, "--json", "--", "true"),
        List.of("--socket", socket, "run", NAME, "--", "echo", "hello"),
        List.of("--socket", socket, "list", "--json"),
        List.of("--socket", socket, "list"),
        List.of("--socket", socket, "info", NAME, "--json"),
        List.of("run", "--help"));
  }

  private static void serve(ServerSocketChannel server) {
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        answer(Channels.newInputStream(client), Channels.newOutputStream(client));
      } catch (IOException | RuntimeException e) {
        // The training ends by closing the socket; a half-read request is of no consequence.
      }
    }
  }

  /** One request, one response, then the connection closes (the SDK sends Connection: close). */
  private static void answer(InputStream in, OutputStream out) throws IOException {
    String head = readHead(in);
    String requestLine = head.lines().findFirst().orElse("");
    String[] parts = requestLine.split(" ");
    String method = parts.length > 0 ? parts[0] : "";
    String target = parts.length > 1 ? parts[1] : "/";
    int length = contentLength(head);
    in.readNBytes(length);
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    if (path.equals("/_ping")) {
      respond(out, 200, "text/plain", "OK".getBytes(StandardCharsets.US_ASCII), "Api-Version: 1.41\r\nServer: Docker/20.10.24 (linux)\r\n");
    } else if (path.endsWith("/containers/json")) {
      json(out, 200, target.contains("lifetime") ? "[]" : "[" + summary() + "]");
    } else if (path.endsWith("/containers/" + NAME + "/json") || path.endsWith("/containers/" + ID + "/json")) {
      json(out, 200, inspect());
    } else if (path.endsWith("/stats")) {
      json(out, 200, STATS);
    } else if (path.endsWith("/top")) {
      json(out, 200, "{\"Titles\":[\"PID\",\"USER\",\"TIME\",\"CMD\"],"
          + "\"Processes\":[[\"1\",\"sandbox\",\"00:00:00\",\"sleep infinity\"]]}");
    } else if (method.equals("POST") && path.endsWith("/exec")) {
      json(out, 201, "{\"Id\":\"exec1\"}");
    } else if (method.equals("POST") && path.endsWith("/exec/exec1/start")) {
      byte[] line = "hello\n".getBytes(StandardCharsets.US_ASCII);
      ByteArrayOutputStream framed = new ByteArrayOutputStream();
      framed.write(new byte[] {1, 0, 0, 0, 0, 0, 0, (byte) line.length});
      framed.write(line);
      String headers =
          "HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
              + "Connection: close\r\n\r\n";
      out.write(headers.getBytes(StandardCharsets.US_ASCII));
      out.write(framed.toByteArray());
      out.flush();
    } else if (path.endsWith("/exec/exec1/json")) {
      json(out, 200, "{\"ID\":\"exec1\",\"Running\":false,\"ExitCode\":0,\"Pid\":0}");
    } else {
      json(out, 404, "{\"message\":\"not in the training engine: " + method + " " + path + "\"}");
    }
  }

  private static String summary() {
    return "{\"Id\":\"" + ID + "\",\"Names\":[\"/" + NAME + "\"],\"Image\":\"localhost/pocket-dock/minimal:latest\","
        + "\"State\":\"running\",\"Status\":\"Up 1 second\",\"Created\":1764000000,"
        + "\"Labels\":{\"io.pocketdock.managed\":\"true\",\"io.pocketdock.persist\":\"false\","
        + "\"io.pocketdock.profile\":\"minimal\"}}";
  }

  private static String inspect() {
    return "{\"Id\":\"" + ID + "\",\"Name\":\"/" + NAME + "\",\"Created\":\"2026-01-01T00:00:00Z\","
        + "\"State\":{\"Status\":\"running\",\"Running\":true,\"Paused\":false,\"OOMKilled\":false,"
        + "\"Pid\":1,\"ExitCode\":0,\"StartedAt\":\"2026-01-01T00:00:00Z\"},"
        + "\"Config\":{\"Image\":\"localhost/pocket-dock/minimal:latest\",\"User\":\"sandbox\","
        + "\"Cmd\":[\"sleep\",\"infinity\"],\"Env\":[\"PATH=/usr/bin:/bin\"],"
        + "\"Labels\":{\"io.pocketdock.managed\":\"true\",\"io.pocketdock.persist\":\"false\","
        + "\"io.pocketdock.profile\":\"minimal\"}},"
        + "\"HostConfig\":{\"NetworkMode\":\"none\",\"PidsLimit\":512,\"Memory\":0,\"NanoCpus\":0,"
        + "\"ReadonlyRootfs\":false,\"CapDrop\":[\"ALL\"],\"SecurityOpt\":[\"no-new-privileges\"]},"
        + "\"NetworkSettings\":{\"Ports\":{}}}";
  }

  private static void json(OutputStream out, int status, String body) throws IOException {
    respond(out, status, "application/json", body.getBytes(StandardCharsets.UTF_8), "");
  }

  private static void respond(
      OutputStream out, int status, String type, byte[] body, String extraHeaders)
      throws IOException {
    String head =
        "HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: "
            + body.length + "\r\n" + extraHeaders + "Connection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("request ended in its head");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
        return Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    return 0;
  }
}
