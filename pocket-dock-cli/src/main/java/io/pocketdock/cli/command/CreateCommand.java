package io.pocketdock.cli.command;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.JsonWriter;
import java.time.Duration;
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
      "  pocket-dock create --persist --json"
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
    return b.build();
  }
}
