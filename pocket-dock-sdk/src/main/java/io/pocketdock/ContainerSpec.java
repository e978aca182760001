package io.pocketdock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to create a sandbox. Build one with {@link #builder()}; every field has a safe
 * default, and {@link Builder#build()} rejects bad values before anything reaches the engine.
 *
 * <pre>{@code
 * ContainerSpec spec = ContainerSpec.builder()
 *     .profile("minimal")
 *     .memoryLimit("256m")
 *     .cpuPercent(50)
 *     .build();
 * }</pre>
 *
 * @param image an explicit image reference, or {@code null} to use the profile's image
 * @param profile the image profile (default {@code minimal}); its image is {@code
 *     localhost/pocket-dock/<profile>:latest}
 * @param name the container name, or {@code null} for a generated {@code pd-<hex>} name
 * @param execTimeout default timeout of each {@code run} (30 s)
 * @param memoryLimit memory cap, or {@code null} for none
 * @param cpuPercent CPU cap in percent of one core (50 = half a core, 200 = two cores), or {@code
 *     null} for none
 * @param pidsLimit most processes the sandbox may hold at once (fork bombs stay inside)
 * @param network whether the sandbox gets a network; {@code null} means the profile's default
 *     (off for {@code minimal})
 * @param persist whether {@code shutdown()} only stops the container instead of removing it
 * @param command PID 1's command (after the init process); default {@code sleep infinity}
 * @param labels extra labels (keys must not start with {@code io.pocketdock.} unless they are
 *     test labels)
 * @param volumes host paths mounted into the sandbox
 * @param ports container ports published on the host (they imply a network)
 * @param project the project label; {@code null} means the connecting {@link PocketDock}'s
 *     project, if it has one
 * @param devices host devices passed through, each {@code HOST[:CONTAINER[:PERMISSIONS]]} (e.g.
 *     {@code /dev/fuse}, {@code /dev/ttyUSB0:/dev/ttyUSB0:rw}); permissions from {@code rwm}
 * @param hardening user, capabilities, no-new-privileges and read-only root filesystem ({@link
 *     Hardening#defaults()} unless set)
 */
public record ContainerSpec(
    @Nullable String image,
    String profile,
    @Nullable String name,
    Duration execTimeout,
    @Nullable ByteSize memoryLimit,
    @Nullable Integer cpuPercent,
    long pidsLimit,
    @Nullable Boolean network,
    boolean persist,
    List<String> command,
    Map<String, String> labels,
    List<VolumeMount> volumes,
    List<PortMapping> ports,
    @Nullable String project,
    List<String> devices,
    Hardening hardening) {

  /** The profile used when none is named. */
  public static final String DEFAULT_PROFILE = "minimal";

  /** The default per-run timeout. */
  public static final Duration DEFAULT_EXEC_TIMEOUT = Duration.ofSeconds(30);

  /** The default limit on processes in one sandbox. */
  public static final long DEFAULT_PIDS_LIMIT = 512;

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");
  private static final Pattern PROFILE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /** Validates every field (the builder calls this). */
  public ContainerSpec {
    if (name != null && !NAME.matcher(name).matches()) {
      throw new InvalidArgumentException(
          "create",
          "invalid container name '" + name + "'",
          "use letters, digits, '_', '.' and '-', starting with a letter or digit, at most 128");
    }
    if (!PROFILE.matcher(profile).matches()) {
      throw InvalidArgumentException.of("create", "invalid profile name '" + profile + "'");
    }
    if (image != null && (image.isBlank() || image.chars().anyMatch(Character::isWhitespace))) {
      throw InvalidArgumentException.of("create", "invalid image reference '" + image + "'");
    }
    if (execTimeout.isNegative() || execTimeout.isZero()) {
      throw InvalidArgumentException.of("create", "execTimeout must be positive, got " + execTimeout);
    }
    if (memoryLimit != null && memoryLimit.bytes() < (6L << 20)) {
      throw InvalidArgumentException.of(
          "create", "memory limit " + memoryLimit + " is below the engines' minimum of 6m");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (cpuPercent != null && (cpuPercent < 1 || cpuPercent > 100 * cores)) {
      throw InvalidArgumentException.of(
          "create",
          "cpuPercent must be between 1 and " + 100 * cores + " on this host, got " + cpuPercent);
    }
    if (pidsLimit < 1 && pidsLimit != -1) {
      throw InvalidArgumentException.of("create", "pidsLimit must be positive (or -1 for none)");
    }
    if (command.isEmpty()) {
      throw InvalidArgumentException.of("create", "command must not be empty");
    }
    command = List.copyOf(command);
    labels = Map.copyOf(labels);
    volumes = List.copyOf(volumes);
    ports = List.copyOf(ports);
    PersistenceChecks.check(network, volumes, ports, project);
    devices = List.copyOf(devices);
    devices.forEach(DeviceMapping::parse);
  }

  /** A builder with every default set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this spec's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The image this spec runs: the explicit one, or the profile's. */
  public String imageReference() {
    return image != null ? image : "localhost/pocket-dock/" + profile + ":latest";
  }

  /** Fluent builder for {@link ContainerSpec}. */
  public static final class Builder {
    private @Nullable String image;
    private String profile = DEFAULT_PROFILE;
    private @Nullable String name;
    private Duration execTimeout = DEFAULT_EXEC_TIMEOUT;
    private @Nullable ByteSize memoryLimit;
    private @Nullable Integer cpuPercent;
    private long pidsLimit = DEFAULT_PIDS_LIMIT;
    private @Nullable Boolean network;
    private boolean persist;
    private List<String> command = List.of("sleep", "infinity");
    private Map<String, String> labels = Map.of();
    private List<VolumeMount> volumes = List.of();
    private List<PortMapping> ports = List.of();
    private @Nullable String project;
    private List<String> devices = List.of();
    private Hardening hardening = Hardening.defaults();

    Builder() {}

    Builder(ContainerSpec s) {
      image = s.image;
      profile = s.profile;
      name = s.name;
      execTimeout = s.execTimeout;
      memoryLimit = s.memoryLimit;
      cpuPercent = s.cpuPercent;
      pidsLimit = s.pidsLimit;
      network = s.network;
      persist = s.persist;
      command = s.command;
      labels = s.labels;
      volumes = s.volumes;
      ports = s.ports;
      project = s.project;
      devices = s.devices;
      hardening = s.hardening;
    }

    /** Runs this image instead of the profile's. */
    public Builder image(@Nullable String value) {
      image = value;
      return this;
    }

    /** Runs the profile's image ({@code minimal}, {@code dev}, ...). */
    public Builder profile(String value) {
      profile = value;
      return this;
    }

    /** Names the container; without it a {@code pd-<hex>} name is generated. */
    public Builder name(@Nullable String value) {
      name = value;
      return this;
    }

    /** Default timeout of each run. */
    public Builder execTimeout(Duration value) {
      execTimeout = value;
      return this;
    }

    /** Memory cap, e.g. {@code 256m}; parsed by {@link ByteSize#parse}. */
    public Builder memoryLimit(String value) {
      memoryLimit = ByteSize.parse(value);
      return this;
    }

    /** Memory cap. */
    public Builder memoryLimit(@Nullable ByteSize value) {
      memoryLimit = value;
      return this;
    }

    /** CPU cap in percent of one core. */
    public Builder cpuPercent(@Nullable Integer value) {
      cpuPercent = value;
      return this;
    }

    /** Most processes at once; -1 for no limit. */
    public Builder pidsLimit(long value) {
      pidsLimit = value;
      return this;
    }

    /** Turns the network on or off, overriding the profile's default. */
    public Builder network(@Nullable Boolean value) {
      network = value;
      return this;
    }

    /** Keeps the container (stopped) after shutdown, for later resume. */
    public Builder persist(boolean value) {
      persist = value;
      return this;
    }

    /** PID 1's command, run under the init process. */
    public Builder command(List<String> value) {
      command = value;
      return this;
    }

    /** Extra labels on the container. */
    public Builder labels(Map<String, String> value) {
      labels = value;
      return this;
    }

    /** Mounts host paths into the sandbox (replaces earlier ones). */
    public Builder volumes(List<VolumeMount> value) {
      volumes = value;
      return this;
    }

    /** Adds one mount. */
    public Builder volume(VolumeMount value) {
      volumes = append(volumes, value);
      return this;
    }

    /** Publishes container ports on the host (replaces earlier ones). */
    public Builder ports(List<PortMapping> value) {
      ports = value;
      return this;
    }

    /** Adds one published port. */
    public Builder port(PortMapping value) {
      ports = append(ports, value);
      return this;
    }

    /** Labels the container with this project; {@code null}: the dock's project, if any. */
    public Builder project(@Nullable String value) {
      project = value;
      return this;
    }

    private static <T> List<T> append(List<T> list, T value) {
      List<T> copy = new java.util.ArrayList<>(list);
      copy.add(value);
      return copy;
    }

    /** Host devices to pass through, each {@code HOST[:CONTAINER[:PERMISSIONS]]}. */
    public Builder devices(List<String> value) {
      devices = value;
      return this;
    }

    /** Sets user, capabilities, no-new-privileges and read-only root at once. */
    public Builder hardening(Hardening value) {
      hardening = value;
      return this;
    }

    /**
     * Makes the root filesystem read-only, with writable tmpfs {@code /tmp} and {@code
     * /home/sandbox} (whose contents then start empty).
     */
    public Builder readOnlyRootfs(boolean value) {
      hardening = hardening.withReadOnlyRootfs(value);
      return this;
    }

    /** Runs PID 1 and commands as this user ({@code null}: the image's user). */
    public Builder user(@Nullable String value) {
      hardening = hardening.withUser(value);
      return this;
    }

    /**
     * Whether this ephemeral sandbox may outlive the process that creates it. By default a
     * sandbox whose creating JVM died without removing it (SIGKILL, power loss) is removed by the
     * next {@link PocketDock} that connects; pass {@code true} for sandboxes that another process
     * takes over (the CLI's {@code create}).
     */
    public Builder outliveCreator(boolean value) {
      java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(labels);
      if (value) {
        copy.put(Labels.LIFETIME, Labels.LIFETIME_DETACHED);
      } else {
        copy.remove(Labels.LIFETIME);
      }
      labels = copy;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws InvalidArgumentException when a value is malformed or out of range
     */
    public ContainerSpec build() {
      return new ContainerSpec(
          image,
          profile,
          name,
          execTimeout,
          memoryLimit,
          cpuPercent,
          pidsLimit,
          network,
          persist,
          command,
          labels,
          volumes,
          ports,
          project,
          devices,
          hardening);
    }
  }
}
