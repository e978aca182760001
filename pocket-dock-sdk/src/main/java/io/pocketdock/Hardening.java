package io.pocketdock;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a sandbox is locked down, beyond the pids limit, network and memory cap that {@link
 * ContainerSpec} holds itself. The {@link #defaults() defaults} suit untrusted code; each setting
 * can be relaxed on its own. See docs/security.md for what each one stops and what none of them
 * stops.
 *
 * <pre>{@code
 * ContainerSpec spec = ContainerSpec.builder()
 *     .hardening(Hardening.defaults().withReadOnlyRootfs(true))
 *     .build();
 * }</pre>
 *
 * @param user the user commands and PID 1 run as ({@code name}, {@code uid} or {@code uid:gid}), or
 *     {@code null} for the image's own user ({@code sandbox}, uid 1000, in every profile image)
 * @param noNewPrivileges whether setuid binaries and file capabilities are ignored
 * @param dropAllCapabilities whether every Linux capability is dropped except {@code capabilities};
 *     {@code false} keeps the engine's default set
 * @param capabilities capabilities kept when {@code dropAllCapabilities} is on (names without the
 *     {@code CAP_} prefix, upper case); empty by default
 * @param readOnlyRootfs whether the root filesystem is read-only, with writable tmpfs mounts on
 *     {@code /tmp} and {@code /home/sandbox}
 */
public record Hardening(
    @Nullable String user,
    boolean noNewPrivileges,
    boolean dropAllCapabilities,
    List<String> capabilities,
    boolean readOnlyRootfs) {

  /**
   * What root inside a sandbox needs to install packages and manage files it does not own ({@code
   * apt-get}, {@code chown}); add it with {@link #withCapabilities(List)} when you run such
   * commands as root. A non-root user needs none of these.
   */
  public static final List<String> ROOT_TOOLING =
      List.of("CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID");

  private static final Pattern CAPABILITY = Pattern.compile("[A-Z][A-Z_]{1,31}");
  private static final Pattern USER = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,31}(:[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,31})?");

  /** Validates the user name and normalizes capability names (upper case, no {@code CAP_}). */
  public Hardening {
    if (user != null && !USER.matcher(user).matches()) {
      throw InvalidArgumentException.of(
          "create", "invalid user '" + user + "': use a name, a uid, or uid:gid");
    }
    TreeSet<String> names = new TreeSet<>();
    for (String c : capabilities) {
      String name = c.trim().toUpperCase(Locale.ROOT);
      name = name.startsWith("CAP_") ? name.substring(4) : name;
      if (!CAPABILITY.matcher(name).matches() || name.equals("ALL")) {
        throw InvalidArgumentException.of("create", "invalid capability '" + c + "'");
      }
      names.add(name);
    }
    capabilities = List.copyOf(names);
  }

  /**
   * The defaults for untrusted code: the image's (non-root) user, no-new-privileges, every
   * capability dropped, writable root filesystem.
   */
  public static Hardening defaults() {
    return new Hardening(null, true, true, List.of(), false);
  }

  /** With commands and PID 1 running as {@code value}; {@code null} for the image's user. */
  public Hardening withUser(@Nullable String value) {
    return new Hardening(value, noNewPrivileges, dropAllCapabilities, capabilities, readOnlyRootfs);
  }

  /** With no-new-privileges on or off. */
  public Hardening withNoNewPrivileges(boolean value) {
    return new Hardening(user, value, dropAllCapabilities, capabilities, readOnlyRootfs);
  }

  /** Drops every capability except these (see {@link #ROOT_TOOLING}). */
  public Hardening withCapabilities(List<String> kept) {
    return new Hardening(user, noNewPrivileges, true, kept, readOnlyRootfs);
  }

  /** Keeps the engine's default capability set instead of dropping them. */
  public Hardening withEngineDefaultCapabilities() {
    return new Hardening(user, noNewPrivileges, false, List.of(), readOnlyRootfs);
  }

  /** With a read-only root filesystem (writable tmpfs {@code /tmp} and {@code /home/sandbox}). */
  public Hardening withReadOnlyRootfs(boolean value) {
    return new Hardening(user, noNewPrivileges, dropAllCapabilities, capabilities, value);
  }
}
