package io.pocketdock.mcp;

import io.pocketdock.ByteSize;
import io.pocketdock.VolumeMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the operator decided when starting the server. Everything a model can ask for is bounded
 * by these: how many sandboxes, whether they may have a network, how much output comes back.
 *
 * @param socket the engine socket, or {@code null} to discover one
 * @param maxSandboxes most sandboxes this client may hold at once
 * @param allowNetwork whether {@code sandbox_create} may turn the network on
 * @param outputCap bytes of each output stream returned to the model (head and tail kept)
 * @param memory the memory cap of sandboxes that ask for none
 * @param image an image every sandbox runs instead of its profile's, or {@code null}
 * @param labels extra labels on every sandbox (e.g. to find them from outside); they also scope
 *     which persistent sandboxes of earlier runs this server offers to resume
 * @param volumes host directories mounted into every sandbox; the only host paths a model reaches
 * @param warm how many sandboxes with default settings to keep created and started for {@code
 *     sandbox_create} (0: none)
 * @param help whether to print usage and exit
 */
record ServerOptions(
    @Nullable Path socket,
    int maxSandboxes,
    boolean allowNetwork,
    int outputCap,
    String memory,
    @Nullable String image,
    Map<String, String> labels,
    List<VolumeMount> volumes,
    int warm,
    boolean help) {

  static final String USAGE =
      """
      Usage: pocket-dock mcp [options]
      An MCP server on stdin/stdout that gives the client pocket-dock sandboxes as tools.
      Sandboxes it creates are removed when the client disconnects (persistent ones are stopped).
        --socket PATH         engine socket (default: discover Podman or Docker)
        --max-sandboxes N     sandboxes one client may hold at once (default 5)
        --allow-network       let the model create sandboxes with a network (default: never)
        --output-cap BYTES    output returned per stream and call, head + tail (default 32768)
        --memory SIZE         memory cap of each sandbox unless the model asks less (default 1g)
        --image REF           run this image for every sandbox instead of the profile's
        --label KEY=VALUE     extra label on every sandbox (repeatable)
        -v, --volume HOST:CONTAINER[:ro]
                              mount a host directory into every sandbox (repeatable);
                              the model cannot add host paths of its own
        --warm N              sandboxes with default settings kept ready, so that
                              sandbox_create answers at once (default 1; 0 turns it off)
        --help                print this help""";

  /** The most warm sandboxes: each is an idle container holding memory on the user's machine. */
  static final int MAX_WARM = 8;

  ServerOptions {
    labels = Map.copyOf(labels);
    volumes = List.copyOf(volumes);
  }

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException with a message for the operator
   */
  static ServerOptions parse(String... args) {
    Path socket = null;
    int max = 5;
    boolean network = false;
    int cap = 32 * 1024;
    String memory = "1g";
    String image = null;
    Map<String, String> labels = new LinkedHashMap<>();
    List<VolumeMount> volumes = new ArrayList<>();
    int warm = 1;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--socket" -> socket = Path.of(value(args, ++i, a));
        case "--max-sandboxes" -> max = number(value(args, ++i, a), a, 1, 1000);
        case "--allow-network" -> network = true;
        case "--output-cap" -> cap = number(value(args, ++i, a), a, 256, 16 << 20);
        case "--memory" -> memory = ByteSize.parse(value(args, ++i, a)).toString();
        case "--image" -> image = value(args, ++i, a);
        case "--label" -> {
          String kv = value(args, ++i, a);
          int eq = kv.indexOf('=');
          if (eq < 1) {
            throw new IllegalArgumentException("--label needs KEY=VALUE, got '" + kv + "'");
          }
          labels.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        case "--volume", "-v" -> volumes.add(volume(value(args, ++i, a)));
        case "--warm" -> warm = number(value(args, ++i, a), a, 0, MAX_WARM);
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    return new ServerOptions(socket, max, network, cap, memory, image, labels, volumes, warm, help);
  }

  /** Parses one volume and checks its host path now, so a typo stops the server at start. */
  private static VolumeMount volume(String text) {
    VolumeMount v = VolumeMount.parse(text);
    if (!Files.exists(v.host())) {
      throw new IllegalArgumentException("--volume host path does not exist: " + v.host());
    }
    return v;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int number(String text, String option, int min, int max) {
    try {
      int n = Integer.parseInt(text);
      if (n < min || n > max) {
        throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got '" + text + "'", e);
    }
  }
}
