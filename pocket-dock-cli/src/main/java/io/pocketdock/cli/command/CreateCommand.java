package io.pocketdock.cli.command;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.JsonWriter;
import io.pocketdock.PortMapping;
import io.pocketdock.VolumeMount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code pocket-dock create}: creates and starts a sandbox that outlives this command. */
@Command(
    name = "create",
    description =
        "Creates and starts a sandbox and prints only its name, so NAME=$(pocket-dock "
            + "create) works. It keeps running until `pocket-dock shutdown NAME`.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  pocket-dock create",
      "  pocket-dock create --name box1 --profile dev --mem-limit 1g --cpu-percent 50 --network",
      "  pocket-dock create --persist --json",
      "  pocket-dock create -p 8080:8000 -v ./data:/home/sandbox/data:ro --network",
      "  pocket-dock create --device /dev/ttyUSB0 --profile embedded"
    })
public final class CreateCommand extends DockCommand {
  @Option(names = "--image", paramLabel = "IMAGE", description = "Image to run instead of the profile's.")
  @Nullable String image;

  @Option(names = "--name", paramLabel = "NAME", description = "Container name (default: pd-<hex>).")
  @Nullable String name;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description = "Image profile: minimal, dev, agent, embedded, node (default: minimal).")
  @Nullable String profile;

  @Option(names = "--mem-limit", paramLabel = "SIZE", description = "Memory cap, e.g. 256m or 1g.")
  @Nullable String memLimit;

  @Option(
      names = "--cpu-percent",
      paramLabel = "N",
      description = "CPU cap in percent of one core (50 = half a core, 200 = two cores).")
  @Nullable Integer cpuPercent;

  @Option(names = "--persist", description = "Keep the container (stopped) after shutdown.")
  boolean persist;

  @Option(names = "--network", description = "Give the sandbox a network (default: the profile's; off for minimal).")
  boolean network;

  @Option(names = "--no-network", description = "No network, whatever the profile's default.")
  boolean noNetwork;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Default timeout of each run in this sandbox (default: 30).")
  @Nullable Long timeout;

  @Option(
      names = "--device",
      paramLabel = "D",
      description = "Pass a host device through: /dev/ttyUSB0, or HOST:CONTAINER[:rwm]. Repeatable.")
  List<String> devices = new ArrayList<>();

  @Option(
      names = {"-p", "--port"},
      paramLabel = "HOST:CONTAINER",
      description = "Publish a container port on 127.0.0.1:HOST (e.g. 8080:80, 5353:53/udp). Repeatable.")
  List<String> ports = new ArrayList<>();

  /** {@code -v} here is the volume (as with docker and podman); {@code --verbose} still works. */
  @Option(
      names = {"--volume"},
      paramLabel = "HOST:CONTAINER[:ro]",
      description = "Mount a host directory or file (HOST made absolute), read-only with :ro. Repeatable.")
  List<String> volumes = new ArrayList<>();

  @Option(names = "--json", description = "Print {\"id\",\"name\",\"image\"} instead of the name.")
  boolean json;

  /** Used by picocli. */
  public CreateCommand() {}

  @Override
  public Integer call() {
    ContainerSpec spec = containerSpec();
    try (Dock dock = root().connect()) {
      Container box = dock.create(spec);
      dock.keep(box);
      if (json) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", box.id());
        o.put("name", box.name());
        o.put("image", spec.imageReference());
        out().println(JsonWriter.write(o));
      } else {
        out().println(box.name());
      }
    }
    out().flush();
    return 0;
  }

  /** Resolves a relative host path of a volume against the working directory. */
  private String absoluteHost(String volume) {
    int colon = volume.indexOf(':');
    if (colon <= 0 || volume.startsWith("/")) {
      return volume;
    }
    return root().workingDirectory().resolve(volume.substring(0, colon)) + volume.substring(colon);
  }

  /**
   * Gives create's {@code -v} to {@code --volume}: picocli cannot declare one short name twice, so
   * the global {@code -v} (verbose) is replaced here by {@code --verbose} alone.
   */
  public static void claimShortV(picocli.CommandLine.Model.CommandSpec create) {
    picocli.CommandLine.Model.OptionSpec verbose = create.findOption("--verbose");
    picocli.CommandLine.Model.OptionSpec volume = create.findOption("--volume");
    if (verbose == null || volume == null || create.findOption("-v") == volume) {
      return;
    }
    create.remove(verbose);
    create.remove(volume);
    create.addOption(verbose.toBuilder().names("--verbose").build());
    create.addOption(volume.toBuilder().names("-v", "--volume").build());
  }

  /** The spec, validated by the SDK before anything touches the engine. */
  ContainerSpec containerSpec() {
    // The sandbox outlives this process by design: the next CLI call uses it by name, so the
    // SDK's crash reaper must not take it for an orphan of a dead creator.
    ContainerSpec.Builder b =
        ContainerSpec.builder().image(image).name(name).persist(persist).outliveCreator(true);
    if (profile != null) {
      b.profile(profile);
    }
    if (memLimit != null) {
      b.memoryLimit(memLimit);
    }
    if (network && noNetwork) {
      throw new ParameterException(spec().commandLine(), "--network and --no-network exclude each other");
    }
    b.cpuPercent(cpuPercent).network(network ? Boolean.TRUE : noNetwork ? Boolean.FALSE : null);
    if (timeout != null) {
      b.execTimeout(Duration.ofSeconds(timeout));
    }
    for (String p : ports) {
      b.port(PortMapping.parse(p));
    }
    for (String v : volumes) {
      b.volume(VolumeMount.parse(absoluteHost(v)));
    }
    b.devices(devices);
    return b.build();
  }
}
