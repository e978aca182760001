package io.pocketdock.internal.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/** Hijacked connections for exec and attach. */
class TransportUpgradeTest extends TransportFixture {

  @Test
  void execute_upgrade101_carriesBytesBothWaysWithHalfClose() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.readBody();
          peer.send(
              "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\n"
                  + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\nready\n");
          // Echo stdin upper-cased until the client half-closes, then say goodbye.
          ByteArrayOutputStream stdin = new ByteArrayOutputStream();
          peer.in.transferTo(stdin);
          peer.send(stdin.toString(UTF_8).toUpperCase(java.util.Locale.ROOT) + "bye\n");
        });
    HttpRequest request =
        HttpRequest.post("/exec/1/start", Body.json("{\"Detach\":false,\"Tty\":true}"))
            .withHeader("Connection", "Upgrade")
            .withHeader("Upgrade", "tcp");

    try (HttpResponse response = transport.execute(request, TIMEOUT)) {
      assertThat(response.status()).isEqualTo(101);
      InputStream out = response.body();
      assertThat(new String(out.readNBytes(6), UTF_8)).isEqualTo("ready\n");
      OutputStream stdin = response.upgradedOutput();
      stdin.write("echo hi\n".getBytes(UTF_8));
      stdin.write('x');
      response.shutdownOutput();
      assertThat(new String(out.readAllBytes(), UTF_8)).isEqualTo("ECHO HI\nXbye\n");
    }
    engine.close(); // heads are recorded as each connection's script ends
    assertThat(engine.requestHeads.peek()).contains("Connection: Upgrade\r\n", "Upgrade: tcp\r\n");
  }

  @Test
  void execute_upgradeAnsweredWith200Stream_isHijackedToo() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.readBody();
          peer.send("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n");
          ByteArrayOutputStream stdin = new ByteArrayOutputStream();
          peer.in.transferTo(stdin);
          peer.send("got " + stdin.toString(UTF_8));
        });
    HttpRequest request =
        HttpRequest.post("/exec/1/start", Body.json("{}")).withHeader("Upgrade", "tcp");

    try (HttpResponse response = transport.execute(request, TIMEOUT)) {
      try (OutputStream stdin = response.upgradedOutput()) {
        stdin.write("input".getBytes(UTF_8));
      } // closing the stream half-closes
      assertThat(new String(response.body().readAllBytes(), UTF_8)).isEqualTo("got input");
    }
  }

  @Test
  void upgradedOutput_plainResponse_throwsIllegalState() throws Exception {
    serve(FakeEngine.replying("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));

    try (HttpResponse response = transport.execute(HttpRequest.get("/x"), TIMEOUT)) {
      assertThatThrownBy(response::upgradedOutput).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void execute_upgradeRequestAnsweredWithError_isNotHijacked() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.readBody();
          peer.send("HTTP/1.1 404 Not Found\r\nContent-Length: 18\r\n\r\n{\"message\":\"nope\"}");
        });
    HttpRequest request =
        HttpRequest.post("/exec/missing/start", Body.json("{}")).withHeader("Upgrade", "tcp");

    try (HttpResponse response = transport.execute(request, TIMEOUT)) {
      assertThat(response.status()).isEqualTo(404);
      assertThatThrownBy(response::upgradedOutput).isInstanceOf(IllegalStateException.class);
      assertThat(response.bodyString()).isEqualTo("{\"message\":\"nope\"}");
    }
  }
}
