package io.pocketdock.examples;

import io.pocketdock.Artifact;
import io.pocketdock.Container;
import io.pocketdock.Interpreter;
import io.pocketdock.InterpreterResult;
import io.pocketdock.PocketDock;

/** The stateful interpreter: shared state, values, errors and artifacts across cells. */
public final class InterpreterExample {
  private InterpreterExample() {}

  /** Runs three cells in one sandbox. */
  public static void main(String[] args) {
    try (PocketDock dock = PocketDock.connect();
        Container box = dock.create();
        Interpreter py = box.interpreter()) {
      py.run("import statistics\ndata = [3, 1, 4, 1, 5, 9, 2, 6]");
      InterpreterResult mean = py.run("statistics.mean(data)");
      System.out.println("mean = " + mean.value());
      InterpreterResult bad = py.run("data[100]");
      System.out.println(bad.error().type() + ": " + bad.error().message());
      InterpreterResult csv = py.run("open('data.csv', 'w').write('\\n'.join(map(str, data)))");
      for (Artifact a : csv.artifacts()) {
        System.out.println("artifact " + a.path() + " (" + a.size() + " bytes)");
      }
    }
  }
}
