package io.pocketdock;

import java.util.List;

/**
 * The protections in force on a sandbox, read live from the engine (part of {@link
 * ContainerInfo}). What the engine reports is what counts, not what was asked for.
 *
 * @param user the user PID 1 and commands run as by default ({@code root} when the image names
 *     none)
 * @param noNewPrivileges whether setuid binaries and file capabilities are ignored
 * @param capabilities the capabilities processes in the sandbox can hold at most (the bounding
 *     set), sorted
 * @param capDrop capabilities the engine reports dropped, as it reports them
 * @param capAdd capabilities the engine reports added, as it reports them
 * @param readOnlyRootfs whether the root filesystem is read-only
 * @param pidsLimit the most processes at once, or 0 for no limit
 * @param networkMode the engine's network mode ({@code none} means no network)
 * @param memoryLimit the memory cap in bytes, or 0 for none
 * @param securityOptions the engine's security options ({@code no-new-privileges}, seccomp, ...)
 */
public record Protections(
    String user,
    boolean noNewPrivileges,
    List<String> capabilities,
    List<String> capDrop,
    List<String> capAdd,
    boolean readOnlyRootfs,
    long pidsLimit,
    String networkMode,
    long memoryLimit,
    List<String> securityOptions) {

  /** Copies the lists. */
  public Protections {
    capabilities = List.copyOf(capabilities);
    capDrop = List.copyOf(capDrop);
    capAdd = List.copyOf(capAdd);
    securityOptions = List.copyOf(securityOptions);
  }

  /** Whether the default user is someone other than root (uid 0). */
  public boolean nonRoot() {
    String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    return !name.isEmpty() && !name.equals("root") && !name.equals("0");
  }

  /** Whether the sandbox has no network at all. */
  public boolean networkOff() {
    return networkMode.equals("none");
  }

  /** Whether a pids limit is set. */
  public boolean pidsLimited() {
    return pidsLimit > 0;
  }
}
