package io.pocketdock.examples;

import io.pocketdock.Container;
import io.pocketdock.ContainerSummary;
import io.pocketdock.PocketDock;
import io.pocketdock.PortMapping;
import io.pocketdock.project.DoctorReport;
import io.pocketdock.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;

/** A project with a persistent sandbox: stop, resume, snapshot, history, doctor, destroy. */
public final class PersistenceExample {
  private PersistenceExample() {}

  /** Runs in a fresh temp directory that becomes the project. */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("pocket-dock-demo");
    Project project = Project.init(dir, "demo");
    try (PocketDock dock = PocketDock.builder().project(project).build()) {
      Container box =
          dock.create(dock.specBuilder().persist(true).port(PortMapping.of(8080, 8000)).build());
      box.run("echo kept > /home/sandbox/notes");
      box.shutdown();

      Container again = dock.resume(box.name());
      System.out.println(again.run("cat /home/sandbox/notes").stdout());
      for (ContainerSummary c : dock.list("demo")) {
        System.out.println(c.name() + " " + c.status() + " persist=" + c.persist());
      }
      System.out.println(project.instance(box.name()).history());
      DoctorReport report = dock.doctor(dir);
      System.out.println("healthy: " + report.healthy());
      String image = again.snapshot("demo-snap");
      System.out.println("snapshot " + image);
      dock.destroy(box.name());
    }
  }
}
