package io.pocketdock.examples;

import io.pocketdock.Container;
import io.pocketdock.ExecResult;
import io.pocketdock.FileEntry;
import io.pocketdock.PocketDock;
import io.pocketdock.Session;
import io.pocketdock.WriteOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Files in and out of a sandbox, and a shell session that keeps its state. */
public final class FilesAndSessionExample {
  private FilesAndSessionExample() {}

  /** Runs the example against the first engine that answers. */
  public static void main(String[] args) throws IOException {
    Path work = Files.createTempDirectory("pocket-dock-example");
    try (PocketDock dock = PocketDock.connect();
        Container box = dock.create()) {
      // Write a script (creating its directory), run it, read its output file back.
      box.writeFile(
          "project/make_report.py",
          "open('report.txt', 'w').write('6 * 7 = %d\\n' % (6 * 7))\n".getBytes(StandardCharsets.UTF_8),
          WriteOptions.defaults().withCreateParents(true));
      box.run("cd project && python3 make_report.py");
      System.out.print(box.readText("project/report.txt"));
      for (FileEntry e : box.listFiles("project")) {
        System.out.println((e.isDirectory() ? "d " : "- ") + e.name() + " " + e.size());
      }

      // Copy the whole directory out (safely: nothing can land outside `work/out`).
      box.pull("project", work.resolve("out"));
      System.out.println(Files.readString(work.resolve("out/report.txt")).strip());

      // A session: cwd, variables and functions persist between commands.
      try (Session sh = box.session()) {
        sh.sendAndWait("cd project && export RUNS=1 && bump() { RUNS=$((RUNS + 1)); }");
        sh.sendAndWait("bump; bump");
        ExecResult r = sh.sendAndWait("echo \"$RUNS runs in $(pwd)\"", Duration.ofSeconds(5));
        System.out.print(r.stdout()); // 3 runs in /home/sandbox/project
        ExecResult slow = sh.sendAndWait("sleep 60", Duration.ofSeconds(1));
        System.out.println("timed out: " + slow.timedOut() + ", still usable: " + sh.sendAndWait("true").ok());
      }
    }
  }
}
