package io.pocketdock.bench;

import java.util.Locale;

/**
 * One line of the results table.
 *
 * @param workload the workload's id and short description
 * @param ours our timings, or {@code null} when the workload is not available
 * @param floor the floor's timings, or {@code null} when there is none
 * @param goal the goal from the performance issue, e.g. {@code ≤ 5 ms}, or empty
 * @param note errors, heap, or why the row is n/a
 */
record Row(String workload, Stats ours, Stats floor, String goal, String note) {

  static Row measured(String workload, Stats ours, Stats floor, String goal, String note) {
    return new Row(workload, ours, floor, goal, note);
  }

  static Row notAvailable(String workload, String goal, String why) {
    return new Row(workload, null, null, goal, "n/a: " + why);
  }

  String markdown() {
    if (ours == null) {
      return "| " + workload + " | n/a | | | | | " + goal + " | " + note + " |";
    }
    String floorMs = floor == null ? "" : ms(floor.median());
    String ratio = floor == null ? "" : String.format(Locale.ROOT, "%.2f", ours.median() / floor.median());
    return "| "
        + workload
        + " | "
        + ms(ours.median())
        + " | "
        + ms(ours.p10())
        + " | "
        + ms(ours.p90())
        + " | "
        + floorMs
        + " | "
        + ratio
        + " | "
        + goal
        + " | "
        + note
        + " |";
  }

  static String header() {
    return "| workload | median ms | p10 | p90 | floor ms | ratio to floor | goal | notes |\n"
        + "|---|---:|---:|---:|---:|---:|---|---|";
  }

  private static String ms(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
