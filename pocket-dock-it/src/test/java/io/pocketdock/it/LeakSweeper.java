package io.pocketdock.it;

import io.pocketdock.EngineInfo;
import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.engine.EngineEndpoint;
import io.pocketdock.internal.engine.EngineProbe;
import io.pocketdock.internal.engine.SocketCandidate;
import io.pocketdock.internal.http.UnixSocketTransport;
import io.pocketdock.internal.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds and removes containers labelled with this test run; what it finds is a leak. */
final class LeakSweeper {
  private LeakSweeper() {}

  static List<String> sweep(Path socket, EngineInfo.Kind kind) {
    List<String> found = new ArrayList<>();
    try (EngineClient client = RawEngine.connect(socket)) {
      for (JsonObject c :
          client.listContainers(List.of(TestEngine.RUN_LABEL + "=" + TestEngine.RUN_ID))) {
        String id = c.string("Id", "");
        found.add(kind.id() + ":" + c.array("Names") + ":" + id);
        client.removeContainer(id, true);
      }
    } catch (IOException e) {
      throw new AssertionError("leak sweep on " + socket + " failed", e);
    }
    return found;
  }

  /** Raw engine access for assertions that must not go through the code under test. */
  static final class RawEngine {
    private RawEngine() {}

    static EngineClient connect(Path socket) throws IOException {
      UnixSocketTransport transport = new UnixSocketTransport(socket);
      EngineEndpoint endpoint =
          EngineProbe.probe(new SocketCandidate(socket, "test", true), transport);
      return new EngineClient(transport, endpoint);
    }
  }
}
