package io.pocketdock.internal.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Debian root file system the profiles build on, made offline from the host's own Debian
 * package sources by {@code mmdebstrap} (a child process) and cached as a tar keyed by its inputs.
 *
 * <p>The options, the key and the cache file name are exactly those of {@code
 * scripts/setup-engines}, so either one reuses the other's tarball: change both together.
 */
public final class BaseRootfs {
  /** The suite the profiles are written for. */
  public static final String SUITE = "bookworm";

  /** Bumped with setup-engines' SCRIPT_VERSION. */
  static final String SCRIPT_VERSION = "1";

  static final List<String> OPTIONS =
      List.of(
          "--variant=minbase",
          "--include=python3,bash,coreutils,util-linux,procps",
          "--hook-dir=/usr/share/mmdebstrap/hooks/merged-usr",
          "--aptopt=APT::Install-Recommends \"false\"",
          "--dpkgopt=path-exclude=/usr/share/doc/*",
          "--dpkgopt=path-include=/usr/share/doc/*/copyright",
          "--dpkgopt=path-exclude=/usr/share/man/*",
          "--dpkgopt=path-exclude=/usr/share/info/*",
          "--dpkgopt=path-exclude=/usr/share/locale/*",
          "--dpkgopt=path-include=/usr/share/locale/locale.alias",
          "--dpkgopt=path-exclude=/usr/share/lintian/*",
          "--dpkgopt=path-exclude=/usr/share/zoneinfo/right/*",
          "--dpkgopt=path-exclude=/usr/lib/*/gconv/*",
          "--dpkgopt=path-include=/usr/lib/*/gconv/gconv-modules*",
          "--customize-hook=rm -f \"$1\"/var/cache/debconf/*-old \"$1\"/var/lib/dpkg/*-old"
              + " \"$1\"/etc/machine-id");

  /** How long mmdebstrap may take (it downloads ~40 MB of packages from the mirror). */
  static final long TIMEOUT_MINUTES = 20;

  /**
   * A cached root file system tarball.
   *
   * @param tar the tarball
   * @param sha256 its SHA-256, hex
   */
  public record Tarball(Path tar, String sha256) {}

  private BaseRootfs() {}

  /**
   * The cached tarball for the host's sources, made first if missing.
   *
   * @param cacheDir where tarballs are kept
   * @param log receives one line per thing worth telling
   * @throws BootstrapException when the host cannot make one (no mmdebstrap, not Debian, failure)
   */
  public static Tarball ensure(Path cacheDir, Consumer<String> log)
      throws IOException, BootstrapException {
    List<String> mirrors = mirrors();
    String arch = run(List.of("dpkg", "--print-architecture")).strip();
    String key = key(arch, mirrors);
    Path tar = cacheDir.resolve("rootfs-" + SUITE + "-" + key + ".tar");
    Path sum = cacheDir.resolve(tar.getFileName() + ".sha256");
    if (Files.isRegularFile(tar) && Files.isRegularFile(sum)) {
      log.accept("base rootfs: cached " + tar + " (reused)");
      return new Tarball(tar, Files.readString(sum).strip());
    }
    Files.createDirectories(cacheDir);
    Path part = cacheDir.resolve(tar.getFileName() + ".part");
    List<String> cmd = new ArrayList<>(List.of("mmdebstrap", "--quiet", "--format=tar"));
    cmd.addAll(OPTIONS);
    cmd.add(SUITE);
    cmd.add(part.toString());
    cmd.addAll(mirrors);
    log.accept("base rootfs: mmdebstrap " + SUITE + " from " + String.join(", ", mirrors) + " (~1 min)");
    try {
      String out = run(cmd);
      if (!out.isBlank()) {
        out.lines().forEach(l -> log.accept("mmdebstrap: " + l));
      }
      String sha = sha256(part);
      Files.writeString(sum.resolveSibling(sum.getFileName() + ".part"), sha + "\n");
      Files.move(part, tar, StandardCopyOption.ATOMIC_MOVE);
      Files.move(sum.resolveSibling(sum.getFileName() + ".part"), sum, StandardCopyOption.ATOMIC_MOVE);
      log.accept("base rootfs: built " + tar + " (" + Files.size(tar) / 1_000_000 + " MB)");
      return new Tarball(tar, sha);
    } finally {
      Files.deleteIfExists(part);
      Files.deleteIfExists(sum.resolveSibling(sum.getFileName() + ".part"));
    }
  }

  /** setup-engines' cache key: the first 16 hex digits of the SHA-256 of its input lines. */
  static String key(String arch, List<String> mirrors) {
    StringBuilder text = new StringBuilder();
    for (String line : List.of("v" + SCRIPT_VERSION, SUITE, arch)) {
      text.append(line).append('\n');
    }
    OPTIONS.forEach(o -> text.append(o).append('\n'));
    mirrors.forEach(m -> text.append(m).append('\n'));
    return InputsHash.sha256(text.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }

  /** The host's apt sources for the suite (main, updates, security), as mmdebstrap mirror lines. */
  static List<String> mirrors() throws IOException, BootstrapException {
    String out =
        run(
            List.of(
                "apt-get",
                "indextargets",
                "--format",
                "$(TARGET_OF) $(REPO_URI) $(RELEASE) $(COMPONENT)",
                "Created-By: Packages"));
    return mirrorLines(out);
  }

  static List<String> mirrorLines(String indextargets) {
    TreeSet<String> lines = new TreeSet<>();
    for (String l : indextargets.split("\n")) {
      String[] f = l.strip().split("\\s+");
      if (f.length == 4 && f[0].equals("deb") && f[3].equals("main")
          && (f[2].equals(SUITE) || f[2].equals(SUITE + "-updates") || f[2].equals(SUITE + "-security"))) {
        String uri = f[1].endsWith("/") ? f[1].substring(0, f[1].length() - 1) : f[1];
        lines.add("deb " + uri + " " + f[2] + " main");
      }
    }
    return lines.isEmpty()
        ? List.of("deb http://deb.debian.org/debian " + SUITE + " main")
        : List.copyOf(lines);
  }

  /** Runs a command, returns its output; fails with its output when it exits non-zero. */
  static String run(List<String> command) throws IOException, BootstrapException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new BootstrapException(
          "cannot run " + command.get(0) + ": " + e.getMessage(),
          "offline bootstrap needs a Debian host with mmdebstrap (apt-get install mmdebstrap),"
              + " or import a base image made elsewhere (exportImages/importImages)");
    }
    p.getOutputStream().close();
    StringBuilder out = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (out.length() < 64 * 1024) {
          out.append(line).append('\n');
        }
      }
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        throw new BootstrapException(command.get(0) + " did not finish in " + TIMEOUT_MINUTES + " min", "");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(command.get(0) + " interrupted");
    } finally {
      if (p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    if (p.exitValue() != 0) {
      String tail = tail(out.toString(), 20);
      throw new BootstrapException(
          String.join(" ", command.subList(0, Math.min(2, command.size())))
              + " failed (exit " + p.exitValue() + "): " + tail,
          command.get(0).equals("mmdebstrap")
              ? "mmdebstrap needs root (or unprivileged user namespaces) and the Debian mirror"
              : "");
    }
    return out.toString();
  }

  private static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The host cannot make the base root file system. */
  public static final class BootstrapException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String hint;

    BootstrapException(String message, String hint) {
      super(message);
      this.hint = hint;
    }

    /** What to do about it (may be empty). */
    public String hint() {
      return hint;
    }
  }
}
