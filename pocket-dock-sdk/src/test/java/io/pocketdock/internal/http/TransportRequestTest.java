package io.pocketdock.internal.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What goes on the wire, and how send failures surface. */
class TransportRequestTest extends TransportFixture {

  @Test
  void execute_requests_carryExpectedWireFormat() throws Exception {
    List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    serve(
        peer -> {
          String head = peer.readHead();
          if (head.contains("Transfer-Encoding: chunked")) {
            bodies.add(readChunked(peer.in));
          } else {
            int length =
                head.contains("Content-Length: ")
                    ? Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"))
                    : 0;
            bodies.add(new String(peer.in.readNBytes(length), UTF_8));
          }
          peer.send("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        });

    transport
        .execute(HttpRequest.get("/v1/containers/json" + Query.of().add("all", true)), TIMEOUT)
        .close();
    transport
        .execute(HttpRequest.post("/create", Body.json("{\"Image\":\"\u00e9\"}")), TIMEOUT)
        .close();
    transport
        .execute(
            HttpRequest.put("/archive", Body.bytes(new byte[] {1, 2, 3}, "application/x-tar")),
            TIMEOUT)
        .close();
    transport
        .execute(
            HttpRequest.post(
                    "/build",
                    Body.stream(
                        "application/x-tar",
                        out -> {
                          for (int i = 0; i < 10_000; i++) {
                            out.write(("line " + i + "\n").getBytes(UTF_8));
                          }
                        }))
                .withHeader("X-Registry-Config", "e30="),
            TIMEOUT)
        .close();
    transport.execute(HttpRequest.delete("/containers/abc?force=true"), TIMEOUT).close();
    engine.close();

    List<String> heads = new ArrayList<>(engine.requestHeads);
    assertThat(heads)
        .anySatisfy(
            h ->
                assertThat(h)
                    .isEqualTo(
                        "GET /v1/containers/json?all=true HTTP/1.1\r\n"
                            + "Host: localhost\r\n"
                            + "Connection: close\r\n\r\n"));
    assertThat(heads)
        .anySatisfy(
            h ->
                assertThat(h)
                    .startsWith("POST /create HTTP/1.1\r\n")
                    .contains("Content-Type: application/json\r\n", "Content-Length: 14\r\n"));
    assertThat(heads)
        .anySatisfy(
            h ->
                assertThat(h)
                    .startsWith("PUT /archive HTTP/1.1\r\n")
                    .contains("Content-Type: application/x-tar\r\n", "Content-Length: 3\r\n"));
    assertThat(heads)
        .anySatisfy(
            h ->
                assertThat(h)
                    .startsWith("POST /build HTTP/1.1\r\n")
                    .contains("Transfer-Encoding: chunked\r\n", "X-Registry-Config: e30=\r\n")
                    .doesNotContain("Content-Length"));
    assertThat(heads)
        .anySatisfy(
            h -> assertThat(h).startsWith("DELETE /containers/abc?force=true HTTP/1.1\r\n"));
    StringBuilder built = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      built.append("line ").append(i).append('\n');
    }
    assertThat(bodies)
        .contains("{\"Image\":\"\u00e9\"}", "\u0001\u0002\u0003", built.toString(), "");
  }

  @Test
  void execute_uploadRejectedEarly_returnsTheEngineResponse() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.send("HTTP/1.1 400 Bad Request\r\nContent-Length: 9\r\n\r\nno thanks");
        });
    byte[] big = new byte[1 << 20];
    Body upload =
        Body.stream(
            "application/x-tar",
            out -> {
              for (int i = 0; i < 64; i++) {
                out.write(big);
              }
            });

    try (HttpResponse response = transport.execute(HttpRequest.put("/archive", upload), TIMEOUT)) {
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.bodyString()).isEqualTo("no thanks");
    }
  }

  @Test
  void execute_bodyWriterFails_throwsItsExceptionWithoutWaiting() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.in.transferTo(OutputStream.nullOutputStream());
        });
    Body failing =
        Body.stream(
            "application/x-tar",
            out -> {
              out.write(1);
              throw new IOException("tar source vanished");
            });

    long start = System.nanoTime();
    assertThatThrownBy(() -> transport.execute(HttpRequest.put("/archive", failing), TIMEOUT))
        .hasMessage("tar source vanished");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  private static String readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      int size = Integer.parseInt(line.toString().trim(), 16);
      if (size == 0) {
        in.readNBytes(2);
        return body.toString(UTF_8);
      }
      body.write(in.readNBytes(size));
      in.readNBytes(2);
    }
  }
}
