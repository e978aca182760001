package io.pocketdock.project;

import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonObject;
import java.time.Instant;

/**
 * One line of {@code history.jsonl}: a finished run.
 *
 * <pre>{@code
 * {"time":"2025-01-01T12:00:00.123Z","command":"make test","exit_code":0,"duration_ms":812,"timed_out":false,"truncated":false}
 * }</pre>
 *
 * @param time when the run started (UTC)
 * @param command the command as given to {@code run}
 * @param exitCode its exit code (124 on timeout)
 * @param durationMs how long it took
 * @param timedOut whether it was killed by its timeout
 * @param truncated whether output beyond the cap was dropped
 */
public record HistoryEntry(
    Instant time, String command, int exitCode, long durationMs, boolean timedOut, boolean truncated) {

  /** The entry as one JSON line (no newline). */
  public String toJson() {
    return Json.write(
        JsonObject.builder()
            .put("time", time.toString())
            .put("command", command)
            .put("exit_code", exitCode)
            .put("duration_ms", durationMs)
            .put("timed_out", timedOut)
            .put("truncated", truncated)
            .build());
  }

  /**
   * Reads a line written by {@link #toJson()}.
   *
   * @throws RuntimeException when the line is not such an entry
   */
  public static HistoryEntry parse(String line) {
    JsonObject o = Json.parseObject(line);
    return new HistoryEntry(
        Instant.parse(o.string("time", "")),
        o.string("command", ""),
        (int) o.longValue("exit_code", -1),
        o.longValue("duration_ms", 0),
        o.bool("timed_out", false),
        o.bool("truncated", false));
  }
}
