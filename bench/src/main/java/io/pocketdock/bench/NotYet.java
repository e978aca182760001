package io.pocketdock.bench;

import java.util.List;

/** A workload whose feature is not in the SDK yet: one n/a row. Replace it with a real class. */
final class NotYet implements Workload {
  private final String workload;
  private final String goal;
  private final String why;

  NotYet(String workload, String goal, String why) {
    this.workload = workload;
    this.goal = goal;
    this.why = why;
  }

  @Override
  public List<Row> measure(BenchEnv env) {
    return List.of(Row.notAvailable(workload, goal, why));
  }
}
