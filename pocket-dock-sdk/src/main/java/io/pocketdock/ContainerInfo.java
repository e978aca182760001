package io.pocketdock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A live reading of a container, taken from the engine when {@link Container#info()} is called
 * (never cached).
 *
 * @param id the engine's container id
 * @param name the container name
 * @param status the engine's state: {@code running}, {@code exited}, {@code paused}, ...
 * @param image the image reference it was created from
 * @param createdAt when it was created
 * @param startedAt when it was last started, or {@code null} if never
 * @param uptime how long it has been running ({@link Duration#ZERO} when not running)
 * @param memoryUsage bytes of memory in use (page cache excluded), 0 when not running
 * @param memoryLimit its memory cap in bytes, or the host's memory when uncapped
 * @param memoryPercent {@code memoryUsage} as a percentage of {@code memoryLimit}
 * @param cpuPercent CPU use over a short sample, in percent of one core
 * @param pids the number of processes in it
 * @param network whether it has a network other than loopback
 * @param ipAddress its address on the engine's network, or empty
 * @param ports published ports as {@code hostIp:hostPort->containerPort/proto}
 * @param processes the processes running in it
 * @param protections the protections in force (user, capabilities, read-only root, limits)
 */
public record ContainerInfo(
    String id,
    String name,
    String status,
    String image,
    Instant createdAt,
    @Nullable Instant startedAt,
    Duration uptime,
    long memoryUsage,
    long memoryLimit,
    double memoryPercent,
    double cpuPercent,
    int pids,
    boolean network,
    String ipAddress,
    List<String> ports,
    List<ProcessEntry> processes,
    Protections protections) {

  /** Copies the lists. */
  public ContainerInfo {
    ports = List.copyOf(ports);
    processes = List.copyOf(processes);
  }

  /** When it was last started, if ever. */
  public Optional<Instant> started() {
    return Optional.ofNullable(startedAt);
  }

  /** Whether the engine reports it running. */
  public boolean running() {
    return "running".equals(status);
  }

  /**
   * One process inside the container, as the engine's {@code top} reports it.
   *
   * @param pid its PID as the engine reports it (the host's PID namespace on most engines)
   * @param user the user it runs as
   * @param command its command line
   */
  public record ProcessEntry(String pid, String user, String command) {}
}
