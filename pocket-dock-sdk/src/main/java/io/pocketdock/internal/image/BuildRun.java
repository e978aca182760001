package io.pocketdock.internal.image;

import io.pocketdock.internal.engine.ImageApi;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.http.IOConsumer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one {@code POST /build} and reads its stream to the end, reporting each event. Cancelling
 * is interrupting the calling thread: the blocked read closes the connection, and both engines
 * stop a build whose client went away.
 */
public final class BuildRun {
  /** How many lines of the current step's output are kept for the error message. */
  static final int TAIL_LINES = 40;

  /**
   * What a finished build produced.
   *
   * @param imageId the id the engine reported (empty if it reported none)
   * @param steps how many steps ran
   * @param cachedSteps how many of them came from the cache
   */
  public record Outcome(String imageId, int steps, int cachedSteps) {}

  private BuildRun() {}

  /**
   * Builds {@code tag}.
   *
   * @throws BuildFailedException when the engine reports a failed step
   * @throws IOException when the connection fails (or the thread was interrupted)
   */
  public static Outcome run(
      ImageApi api,
      String tag,
      Map<String, String> labels,
      Map<String, String> buildArgs,
      boolean noCache,
      IOConsumer<OutputStream> context,
      Consumer<BuildEvent> listener)
      throws IOException, BuildFailedException {
    BuildStreamParser parser = new BuildStreamParser();
    Deque<String> tail = new ArrayDeque<>();
    String step = "";
    String imageId = "";
    int steps = 0;
    int cached = 0;
    try (HttpResponse response = api.build(tag, labels, buildArgs, noCache, context)) {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
      String line;
      boolean done = false;
      while (!done) {
        line = reader.readLine();
        var events = line == null ? parser.finish() : parser.accept(line);
        done = line == null;
        response.extendDeadline(ImageApi.IDLE);
        for (BuildEvent e : events) {
          listener.accept(e);
          if (e instanceof BuildEvent.Step s) {
            steps++;
            step = s.instruction();
            tail.clear();
          } else if (e instanceof BuildEvent.Output o) {
            tail.addLast(o.line());
            if (tail.size() > TAIL_LINES) {
              tail.removeFirst();
            }
          } else if (e instanceof BuildEvent.CacheHit) {
            cached++;
          } else if (e instanceof BuildEvent.Built b) {
            imageId = b.imageId();
          } else if (e instanceof BuildEvent.Failure f) {
            throw new BuildFailedException(f.message(), step, java.util.List.copyOf(tail));
          }
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new java.io.InterruptedIOException("build cancelled");
        }
      }
    }
    return new Outcome(imageId, steps, cached);
  }
}
