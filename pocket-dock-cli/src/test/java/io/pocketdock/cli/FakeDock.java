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

  /** A connector handing out this dock and recording the socket asked for. */
  public Connector connector() {
    return socket -> {
      connects.add(Optional.ofNullable(socket));
      return this;
    };
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
