package io.pocketdock.cli.command;

import io.pocketdock.ByteSize;
import io.pocketdock.Profile;
import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.HumanFormat;
import io.pocketdock.cli.terminal.JsonWriter;
import io.pocketdock.cli.terminal.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pocket-dock profiles}: the image profiles and whether their images are built. */
@Command(
    name = "profiles",
    description =
        "Lists the image profiles (built-in, and the project's own under"
            + " .pocket-dock/profiles/) with their image, network default and size when built.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock profiles", "  pocket-dock profiles --json | jq '.[] | select(.size == null) | .name'"})
public final class ProfilesCommand extends DockCommand {
  @Option(names = "--json", description = "Print an array of {\"name\",\"image_tag\",\"network_default\",\"description\",\"size\"} (size in bytes, null when not built).")
  boolean json;

  /** Used by picocli. */
  public ProfilesCommand() {}

  @Override
  public Integer call() {
    List<Profile> profiles;
    try (Dock dock = root().connect()) {
      Path projectRoot = dock.project().map(p -> p.root()).orElse(null);
      profiles = dock.profiles(projectRoot);
    }
    if (json) {
      List<Map<String, Object>> items = new ArrayList<>();
      profiles.forEach(p -> items.add(toJson(p)));
      out().println(JsonWriter.write(items));
    } else {
      Table t = Table.of("NAME", "IMAGE", "NETWORK", "SIZE", "DESCRIPTION");
      for (Profile p : profiles) {
        t.row(
            p.name(),
            p.image(),
            p.networkDefault() ? "on" : "off",
            p.size().map(s -> HumanFormat.bytes(s.bytes())).orElse("not built"),
            p.description());
      }
      t.print(out(), terminal().colors());
    }
    out().flush();
    return 0;
  }

  /** One {@code --json} entry. */
  static Map<String, Object> toJson(Profile p) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("name", p.name());
    o.put("image_tag", p.image());
    o.put("network_default", p.networkDefault());
    o.put("description", p.description());
    o.put("size", p.size().map(ByteSize::bytes).orElse(null));
    return o;
  }
}
