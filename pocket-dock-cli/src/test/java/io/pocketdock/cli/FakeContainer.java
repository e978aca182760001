package io.pocketdock.cli;

import io.pocketdock.Container;
import io.pocketdock.ContainerInfo;
import io.pocketdock.ContainerSpec;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A container that records what was asked of it and answers from canned values. It does not
 * implement {@link Container} itself: {@link #asContainer()} is a proxy that forwards the methods
 * this class has and refuses the rest, so the fake keeps compiling as the SDK's interface grows.
 */
public final class FakeContainer {
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

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ContainerSpec spec() {
    return spec;
  }

  public ExecResult run(String command, ExecOptions opts) {
    commands.add(command);
    options.add(opts);
    return result;
  }

  public ContainerInfo info() {
    return info(id, name);
  }

  /** Snippets run, as "language: code". */
  public final List<String> snippets = new ArrayList<>();
  public final List<String> snapshots = new ArrayList<>();
  public final List<String> pushes = new ArrayList<>();
  public final List<String> pulls = new ArrayList<>();
  public final List<String> detachedCommands = new ArrayList<>();
  /** What a stream delivers, before its result. */
  public List<io.pocketdock.StreamChunk> chunks = new ArrayList<>();

  public ExecResult run(String code, io.pocketdock.Language language, ExecOptions opts) {
    snippets.add(language.name().toLowerCase(java.util.Locale.ROOT) + ": " + code);
    options.add(opts);
    return result;
  }

  public io.pocketdock.ExecStream stream(String command, ExecOptions opts) {
    commands.add(command);
    options.add(opts);
    return fakeStream();
  }

  public io.pocketdock.ExecStream stream(String code, io.pocketdock.Language language, ExecOptions opts) {
    snippets.add(language.name().toLowerCase(java.util.Locale.ROOT) + ": " + code);
    options.add(opts);
    return fakeStream();
  }

  private io.pocketdock.ExecStream fakeStream() {
    List<io.pocketdock.StreamChunk> list = List.copyOf(chunks);
    ExecResult r = result;
    return new io.pocketdock.ExecStream() {
      private final java.util.Iterator<io.pocketdock.StreamChunk> it = list.iterator();

      @Override
      public String id() {
        return "exec-stream";
      }

      @Override
      public java.util.Iterator<io.pocketdock.StreamChunk> iterator() {
        return it;
      }

      @Override
      public ExecResult result() {
        return r;
      }

      @Override
      public void close() {}
    };
  }

  public io.pocketdock.BackgroundProcess runDetached(String command, ExecOptions opts) {
    detachedCommands.add(command);
    options.add(opts);
    return background();
  }

  public io.pocketdock.BackgroundProcess runDetached(String code, io.pocketdock.Language language, ExecOptions opts) {
    detachedCommands.add(language.name().toLowerCase(java.util.Locale.ROOT) + ": " + code);
    options.add(opts);
    return background();
  }

  private static io.pocketdock.BackgroundProcess background() {
    return (io.pocketdock.BackgroundProcess)
        java.lang.reflect.Proxy.newProxyInstance(
            FakeContainer.class.getClassLoader(),
            new Class<?>[] {io.pocketdock.BackgroundProcess.class},
            (proxy, method, args) -> {
              if (method.getName().equals("id")) {
                return "exec-0123456789";
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  public String snapshot(String image) {
    snapshots.add(image);
    return "sha256:feedface";
  }

  public void push(java.nio.file.Path host, String target) {
    pushes.add(host + " -> " + target);
  }

  public void pull(String source, java.nio.file.Path host) {
    pulls.add(source + " -> " + host);
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
            new ContainerInfo.ProcessEntry("115", "sandbox", "sleep infinity")),
        new io.pocketdock.Protections(
            "sandbox",
            true,
            List.of(),
            List.of("ALL"),
            List.of(),
            false,
            512,
            "none",
            256L << 20,
            List.of("no-new-privileges")));
  }

  public void reboot(boolean fresh) {
    reboots.add(fresh);
  }

  public void shutdown(boolean force) {
    shutdowns++;
  }

  public void detach() {
    detached = true;
  }

  public void close() {
    closed = true;
  }

  /** This fake as a {@link Container}: methods declared here are forwarded, others throw. */
  public synchronized Container asContainer() {
    if (proxy == null) {
      proxy = newProxy();
    }
    return proxy;
  }

  private Container proxy;

  private Container newProxy() {
    return (Container)
        java.lang.reflect.Proxy.newProxyInstance(
            Container.class.getClassLoader(),
            new Class<?>[] {Container.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "toString":
                  return "FakeContainer[" + name + "]";
                case "equals":
                  return proxy == args[0];
                case "hashCode":
                  return System.identityHashCode(proxy);
                default:
                  break;
              }
              java.lang.reflect.Method own;
              try {
                own = FakeContainer.class.getMethod(method.getName(), method.getParameterTypes());
              } catch (NoSuchMethodException e) {
                if (method.isDefault()) {
                  return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                }
                throw new UnsupportedOperationException(method.getName() + " is not used by the CLI tests");
              }
              try {
                return own.invoke(this, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
