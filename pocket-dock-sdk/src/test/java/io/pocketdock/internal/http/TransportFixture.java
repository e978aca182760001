package io.pocketdock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Runs a test class against a {@link FakeEngine} and a transport pointed at it. */
abstract class TransportFixture {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;
  FakeEngine engine;
  UnixSocketTransport transport;

  void serve(FakeEngine.Script script) throws IOException {
    engine = new FakeEngine(dir, script);
    transport = new UnixSocketTransport(engine.socket());
  }

  @AfterEach
  void closeTransportAndEngine() throws IOException {
    if (transport != null) {
      transport.close();
    }
    if (engine != null) {
      engine.close();
      assertThat(engine.failures).isEmpty();
    }
  }
}
