package io.pocketdock.internal.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportDeadlineTest {

  @TempDir Path dir;
  private FakeEngine engine;
  private UnixSocketTransport transport;
  private final CountDownLatch release = new CountDownLatch(1);

  private void serve(FakeEngine.Script script) throws IOException {
    engine = new FakeEngine(dir, script);
    transport = new UnixSocketTransport(engine.socket());
  }

  @AfterEach
  void tearDown() throws Exception {
    release.countDown();
    if (transport != null) {
      transport.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void execute_silentServer_timesOutNearTheDeadline() throws Exception {
    serve(peer -> peer.awaitClientClose()); // accepts, reads, never answers

    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                transport.execute(
                    HttpRequest.get("/containers/abc/json?size=1"), Duration.ofMillis(500)))
        .isInstanceOf(HttpTimeoutException.class)
        .hasMessageContaining("GET /containers/abc/json")
        .hasMessageContaining("500ms")
        .hasMessageNotContaining("size=1");
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(elapsed).isBetween(Duration.ofMillis(450), Duration.ofMillis(1500));
  }

  @Test
  void bodyRead_serverStallsMidBody_timesOut() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nfirst part");
          peer.awaitClientClose();
        });

    HttpResponse response = transport.execute(HttpRequest.get("/logs"), Duration.ofMillis(400));
    try (response) {
      byte[] first = response.body().readNBytes(10);
      assertThat(new String(first, UTF_8)).isEqualTo("first part");
      long start = System.nanoTime();
      assertThatThrownBy(() -> response.body().read())
          .isInstanceOf(HttpTimeoutException.class)
          .hasMessageContaining("400ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
    }
  }

  @Test
  void extendDeadline_beforeExpiry_letsSlowBodyFinish() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.send("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n");
          release.await(5, TimeUnit.SECONDS);
          peer.send("done");
          peer.awaitClientClose();
        });

    try (HttpResponse response =
        transport.execute(HttpRequest.get("/exec"), Duration.ofMillis(300))) {
      response.extendDeadline(Duration.ofSeconds(10));
      Thread.sleep(600); // well past the original deadline
      release.countDown();
      assertThat(response.bodyString()).isEqualTo("done");
    }
  }

  @Test
  void clearDeadline_letsStreamOutliveTheTimeout() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.send("HTTP/1.1 200 OK\r\n\r\n");
          release.await(5, TimeUnit.SECONDS);
          peer.send("late");
        });

    try (HttpResponse response =
        transport.execute(HttpRequest.get("/attach"), Duration.ofMillis(300))) {
      response.clearDeadline();
      Thread.sleep(600);
      release.countDown();
      assertThat(response.bodyString()).isEqualTo("late");
    }
  }

  @Test
  void zeroTimeout_meansNoDeadline() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          release.await(5, TimeUnit.SECONDS);
          peer.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        });

    Thread releaser =
        new Thread(
            () -> {
              try {
                Thread.sleep(700);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              release.countDown();
            });
    releaser.start();
    try (HttpResponse response = transport.execute(HttpRequest.get("/attach"), Duration.ZERO)) {
      assertThat(response.bodyString()).isEqualTo("ok");
    }
    releaser.join();
  }

  @Test
  void fullyReadBody_cancelsDeadline() throws Exception {
    serve(FakeEngine.replying("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));

    HttpResponse response = transport.execute(HttpRequest.get("/x"), Duration.ofMillis(200));
    byte[] body = response.body().readNBytes(2);
    Thread.sleep(400);

    assertThat(body).isEqualTo("ok".getBytes(UTF_8));
    assertThat(response.body().read()).isEqualTo(-1);
    response.close();
  }

  @Test
  void close_stopsWatchdogThreadAndClosesOpenResponses() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.send("HTTP/1.1 200 OK\r\n\r\nstreaming");
          peer.awaitClientClose();
        });
    // Only this transport's watchdog: other test classes in this JVM may have left theirs.
    java.util.Set<Thread> others = watchdogs();
    HttpResponse open = transport.execute(HttpRequest.get("/events"), Duration.ofSeconds(30));
    java.util.Set<Thread> mine = watchdogs();
    mine.removeAll(others);
    assertThat(mine).hasSize(1);

    transport.close();
    transport.close();

    // close() waits for the executor to terminate; its thread then returns from run() at once.
    Thread watchdog = mine.iterator().next();
    watchdog.join(10_000);
    assertThat(watchdog.isAlive()).isFalse();
    assertThatThrownBy(() -> open.body().readAllBytes()).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> transport.execute(HttpRequest.get("/x"), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class);
  }

  private static java.util.Set<Thread> watchdogs() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().equals(UnixSocketTransport.WATCHDOG_THREAD))
        .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
  }
}
