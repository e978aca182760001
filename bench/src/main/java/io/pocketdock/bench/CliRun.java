package io.pocketdock.bench;

import io.pocketdock.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * W8: the whole CLI process, {@code pocket-dock run NAME --json -- true}, wall time. Floor: the
 * same JVM start running nothing ({@code java -version}'s cost is not the floor: the floor is one
 * raw exec, measured in-process, so the ratio shows what process start adds).
 */
final class CliRun implements Workload {
  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    Path launcher = env.root().resolve("bin/pocket-dock");
    Path jar = env.root().resolve("pocket-dock-cli/target/pocket-dock.jar");
    List<String> base = new ArrayList<>();
    if (Files.isExecutable(launcher)) {
      base.add(launcher.toString());
    } else if (Files.isRegularFile(jar) && hasMain(jar)) {
      base.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
    } else {
      return List.of(Row.notAvailable("W8 CLI `run NAME --json -- true` (process)", "≤ 350 ms", "CLI not merged"));
    }
    base.add("--socket");
    base.add(env.dock().engine().socket().toString());
    try (Container box = env.dock().create(env.spec())) {
      List<String> command = new ArrayList<>(base);
      command.addAll(List.of("run", box.name(), "--json", "--", "true"));
      String cache = "";
      if (base.get(0).equals(launcher.toString())) {
        // The launcher trains its AOT cache in the background after its first run (JDK 25):
        // measure what users get from the second command on.
        RunTrue.check(process(command));
        Path aot = env.root().resolve("pocket-dock-cli/target/pocket-dock-25.aot");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (!Files.isRegularFile(aot) && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        cache = Files.isRegularFile(aot) ? "; AOT cache in use" : "; no AOT cache";
      }
      Interleaved.Result r =
          Interleaved.measure(
              1,
              env.iterations(5, 15),
              () -> Trial.time(() -> RunTrue.check(process(command))),
              () -> Trial.time(() -> RunTrue.check(env.raw().exec(box.id(), "true"))));
      return List.of(
          Row.measured(
              "W8 CLI `run NAME --json -- true` (process)",
              r.ours(),
              r.floor(),
              "≤ 350 ms",
              "floor: one raw exec in-process; launcher " + base.get(0) + cache));
    }
  }

  private static boolean hasMain(Path jar) throws java.io.IOException {
    try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
      return j.getEntry("io/pocketdock/cli/Main.class") != null;
    }
  }

  private static int process(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    return p.waitFor();
  }
}
