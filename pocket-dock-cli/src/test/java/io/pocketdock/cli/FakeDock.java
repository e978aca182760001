package io.pocketdock.cli;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.EngineInfo;
import io.pocketdock.ExecResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A {@link Dock} in memory: containers by name, and a record of every call. */
public final class FakeDock implements Dock {
  public final Map<String, FakeContainer> containers = new LinkedHashMap<>();
  public final List<FakeContainer> created = new ArrayList<>();
  public final List<Container> kept = new ArrayList<>();
  public final List<Optional<Path>> connects = new ArrayList<>();
  public @Nullable RuntimeException attachFailure;
  public int closes;
  /** What containers created here answer to every run. */
  public ExecResult result = new ExecResult(0, "", "", 5, false, false);

  /** Request logs handed to the connector (null when not verbose). */
  public final List<java.util.function.@Nullable Consumer<String>> requestLogs = new ArrayList<>();
  public io.pocketdock.project.@Nullable Project project;
  public final List<String> stopped = new ArrayList<>();
  public final List<String> resumed = new ArrayList<>();
  public final List<String> destroyed = new ArrayList<>();
  public final List<io.pocketdock.PruneOptions> prunes = new ArrayList<>();
  public int pruneResult = 2;
  public List<io.pocketdock.ContainerSummary> summaries = new ArrayList<>();
  public final List<String> listedProjects = new ArrayList<>();
  public io.pocketdock.project.DoctorReport doctorReport =
      new io.pocketdock.project.DoctorReport("demo", List.of("orphan1"), List.of(), 3);
  public final List<Path> doctored = new ArrayList<>();
  public List<io.pocketdock.Profile> profileList = new ArrayList<>();
  public final List<String> builds = new ArrayList<>();
  public io.pocketdock.@Nullable BuildOptions buildOptions;
  public final List<String> exports = new ArrayList<>();
  public final List<Path> imports = new ArrayList<>();

  /** A connector handing out this dock and recording the socket asked for. */
  public Connector connector() {
    return (socket, log) -> {
      connects.add(Optional.ofNullable(socket));
      requestLogs.add(log);
      if (log != null) {
        log.accept("GET /v1.41/_ping -> 200 (1 ms)");
      }
      return this;
    };
  }

  @Override
  public Optional<io.pocketdock.project.Project> project() {
    return Optional.ofNullable(project);
  }

  @Override
  public Container resume(String name) {
    resumed.add(name);
    return attach(name);
  }

  @Override
  public void stop(String name) {
    stopped.add(name);
  }

  @Override
  public void destroy(String name) {
    destroyed.add(name);
  }

  @Override
  public int prune(io.pocketdock.PruneOptions options) {
    prunes.add(options);
    return pruneResult;
  }

  @Override
  public List<io.pocketdock.ContainerSummary> list(@Nullable String projectName) {
    listedProjects.add(String.valueOf(projectName));
    return summaries;
  }

  @Override
  public List<String> reapOrphans() {
    return reaped;
  }

  /** What {@link #reapOrphans()} answers. */
  public List<String> reaped = List.of();

  @Override
  public io.pocketdock.project.DoctorReport doctor(Path projectRoot) {
    doctored.add(projectRoot);
    return doctorReport;
  }

  @Override
  public List<io.pocketdock.Profile> profiles(@Nullable Path projectRoot) {
    return profileList;
  }

  @Override
  public io.pocketdock.BuildResult build(String profile, io.pocketdock.BuildOptions options) {
    builds.add(profile);
    buildOptions = options;
    if (options.progress() != null) {
      options.progress().accept(new io.pocketdock.BuildProgress(profile, io.pocketdock.BuildProgress.Phase.STEP, 1, 2, "FROM base"));
      options.progress().accept(new io.pocketdock.BuildProgress(profile, io.pocketdock.BuildProgress.Phase.OUTPUT, 1, 2, "hello"));
    }
    return new io.pocketdock.BuildResult(
        profile, "localhost/pocket-dock/" + profile + ":latest", "sha256:1", false, 2, 1, java.time.Duration.ofSeconds(3));
  }

  @Override
  public long exportImages(List<String> names, Path file, java.util.function.LongConsumer progress) {
    exports.add(String.join(",", names) + " -> " + file);
    progress.accept(1024);
    return 4096;
  }

  @Override
  public List<String> importImages(Path file, java.util.function.LongConsumer progress) {
    imports.add(file);
    progress.accept(10);
    return List.of("localhost/pocket-dock/minimal:latest");
  }

  /** Adds a running container named {@code name}. */
  public FakeContainer add(String name) {
    FakeContainer c = new FakeContainer("0123456789abcdef0123", name, ContainerSpec.builder().name(name).build());
    containers.put(name, c);
    return c;
  }

  @Override
  public EngineInfo engine() {
    return new EngineInfo(
        EngineInfo.Kind.PODMAN, "4.3.1", "1.41", Path.of("/run/podman/podman.sock"), "test");
  }

  @Override
  public Container create(ContainerSpec spec) {
    String name = spec.name() != null ? spec.name() : "pd-0123456789ab";
    FakeContainer c = new FakeContainer("fedcba9876543210fedc", name, spec);
    c.result = result;
    created.add(c);
    containers.put(name, c);
    return c.asContainer();
  }

  @Override
  public Container attach(String nameOrId) {
    if (attachFailure != null) {
      throw attachFailure;
    }
    FakeContainer c = containers.get(nameOrId);
    if (c == null) {
      throw new IllegalStateException("test set up no container " + nameOrId);
    }
    return c.asContainer();
  }

  @Override
  public void keep(Container container) {
    kept.add(container);
  }

  @Override
  public void close() {
    closes++;
  }
}
