package io.pocketdock.cli;

import io.pocketdock.BuildOptions;
import io.pocketdock.BuildResult;
import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.ContainerSummary;
import io.pocketdock.EngineInfo;
import io.pocketdock.PocketDock;
import io.pocketdock.Profile;
import io.pocketdock.PruneOptions;
import io.pocketdock.project.DoctorReport;
import io.pocketdock.project.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/** The {@link Dock} the CLI really uses: one {@link PocketDock} per command. */
final class SdkDock implements Dock {
  private final PocketDock dock;

  private SdkDock(PocketDock dock) {
    this.dock = dock;
  }

  /**
   * Only names the socket when the user did; otherwise the SDK's discovery (env var first) runs.
   * The fast exec path is off: a CLI process runs one command, and starting a helper for it costs
   * the same engine requests as the exec API does.
   */
  static Dock connect(@Nullable Path socket, @Nullable Consumer<String> requestLog) {
    return new SdkDock(
        PocketDock.builder().socket(socket).requestLog(requestLog).fastExec(false).build());
  }

  @Override
  public EngineInfo engine() {
    return dock.engine();
  }

  @Override
  public Container create(ContainerSpec spec) {
    return dock.create(spec);
  }

  @Override
  public Container attach(String nameOrId) {
    return dock.attach(nameOrId);
  }

  @Override
  public void keep(Container container) {
    container.detach();
  }

  @Override
  public Optional<Project> project() {
    return dock.project();
  }

  @Override
  public Container resume(String name) {
    return dock.resume(name);
  }

  @Override
  public void stop(String name) {
    dock.stop(name);
  }

  @Override
  public void destroy(String name) {
    dock.destroy(name);
  }

  @Override
  public int prune(PruneOptions options) {
    return dock.prune(options);
  }

  @Override
  public List<ContainerSummary> list(@Nullable String project) {
    return project == null ? dock.list() : dock.list(project);
  }

  @Override
  public List<String> reapOrphans() {
    return dock.reapOrphans();
  }

  @Override
  public DoctorReport doctor(Path projectRoot) {
    return dock.doctor(projectRoot);
  }

  @Override
  public List<Profile> profiles(@Nullable Path projectRoot) {
    return dock.profiles(projectRoot);
  }

  @Override
  public BuildResult build(String profile, BuildOptions options) {
    return dock.build(profile, options);
  }

  @Override
  public long exportImages(List<String> profilesOrImages, Path file, LongConsumer progress) {
    return dock.exportImages(profilesOrImages, file, progress);
  }

  @Override
  public List<String> importImages(Path file, LongConsumer progress) {
    return dock.importImages(file, progress);
  }

  @Override
  public void close() {
    dock.close();
  }
}
