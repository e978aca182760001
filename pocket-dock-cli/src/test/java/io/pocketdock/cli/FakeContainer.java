package io.pocketdock.cli;

import io.pocketdock.AsyncContainer;
import io.pocketdock.Container;
import io.pocketdock.ContainerInfo;
import io.pocketdock.ContainerSpec;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A container that records what was asked of it and answers from canned values. */
public final class FakeContainer implements Container {
  public final String id;
  public final String name;
  public final ContainerSpec spec;
  public final List<String> commands = new ArrayList<>();
  public final List<ExecOptions> options = new ArrayList<>();
  public ExecResult result = new ExecResult(0, "", "", 5, false, false);
  public final List<Boolean> reboots = new ArrayList<>();
  public int shutdowns;
  public boolean detached;
  public boolean closed;

  public FakeContainer(String id, String name, ContainerSpec spec) {
    this.id = id;
    this.name = name;
    this.spec = spec;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ContainerSpec spec() {
    return spec;
  }

  @Override
  public ExecResult run(String command, ExecOptions opts) {
    commands.add(command);
    options.add(opts);
    return result;
  }

  @Override
  public ContainerInfo info() {
    return info(id, name);
  }

  /** A running container's reading with two processes. */
  public static ContainerInfo info(String id, String name) {
    return new ContainerInfo(
        id,
        name,
        "running",
        "localhost/pocket-dock/minimal:latest",
        Instant.parse("2025-01-02T03:04:05Z"),
        Instant.parse("2025-01-02T03:04:06Z"),
        Duration.ofSeconds(125),
        12L << 20,
        256L << 20,
        4.6875,
        1.234,
        2,
        false,
        "",
        List.of(),
        List.of(
            new ContainerInfo.ProcessEntry("101", "sandbox", "/sbin/docker-init -- sleep infinity"),
            new ContainerInfo.ProcessEntry("115", "sandbox", "sleep infinity")));
  }

  @Override
  public void reboot(boolean fresh) {
    reboots.add(fresh);
  }

  @Override
  public void shutdown(boolean force) {
    shutdowns++;
  }

  // No @Override: compiles whether or not the SDK declares it yet.
  public void detach() {
    detached = true;
  }

  @Override
  public AsyncContainer async() {
    throw new UnsupportedOperationException("not used by the CLI");
  }

  @Override
  public void close() {
    closed = true;
  }
}
