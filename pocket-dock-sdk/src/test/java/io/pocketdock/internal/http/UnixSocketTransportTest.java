package io.pocketdock.internal.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixSocketTransportTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private FakeEngine engine;
  private UnixSocketTransport transport;

  private void serve(FakeEngine.Script script) throws IOException {
    engine = new FakeEngine(dir, script);
    transport = new UnixSocketTransport(engine.socket());
  }

  @AfterEach
  void tearDown() throws Exception {
    if (transport != null) {
      transport.close();
    }
    if (engine != null) {
      engine.close();
      assertThat(engine.failures).isEmpty();
    }
  }

  @Test
  void execute_contentLengthBody_readsExactlyThatMany() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.send(
              "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello");
          peer.awaitClientClose(); // keep the connection open: the body must end by length, not EOF
        });

    try (HttpResponse response = transport.execute(HttpRequest.get("/_ping"), TIMEOUT)) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.reason()).isEqualTo("OK");
      assertThat(response.header("content-type")).contains("text/plain");
      assertThat(response.bodyString()).isEqualTo("hello");
    }
  }

  @Test
  void execute_chunkedBodySplitAcrossWrites_isDecoded() throws Exception {
    StringBuilder expected = new StringBuilder();
    Random random = new Random(3);
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String chunk = "part-" + i + "-\u00e9".repeat(random.nextInt(300));
      chunks.add(chunk);
      expected.append(chunk);
    }
    serve(
        peer -> {
          peer.readHead();
          peer.send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
          for (int i = 0; i < chunks.size(); i++) {
            byte[] data = chunks.get(i).getBytes(UTF_8);
            String ext = i % 3 == 0 ? ";name=value;flag" : (i % 3 == 1 ? " ;x=\"y\"" : "");
            String wire = Integer.toHexString(data.length) + ext + "\r\n";
            for (byte b : wire.getBytes(UTF_8)) {
              peer.send(new byte[] {b}); // the size line itself arrives byte by byte
            }
            int mid = data.length / 2;
            peer.send(java.util.Arrays.copyOfRange(data, 0, mid));
            peer.send(java.util.Arrays.copyOfRange(data, mid, data.length));
            peer.send("\r\n");
          }
          peer.send("0\r\nX-Trailer: done\r\n\r\n");
          peer.awaitClientClose();
        });

    try (HttpResponse response = transport.execute(HttpRequest.get("/logs"), TIMEOUT)) {
      assertThat(response.bodyString()).isEqualTo(expected.toString());
    }
  }

  @Test
  void execute_noLengthNoChunking_readsToEof() throws Exception {
    serve(FakeEngine.replying("HTTP/1.0 200 OK\r\n\r\nuntil the end"));

    try (HttpResponse response = transport.execute(HttpRequest.get("/x"), TIMEOUT)) {
      assertThat(response.bodyString()).isEqualTo("until the end");
    }
  }

  @Test
  void execute_204And304_haveNoBodyEvenIfConnectionStaysOpen() throws Exception {
    serve(
        peer -> {
          String head = peer.readHead();
          peer.send(
              head.startsWith("POST")
                  ? "HTTP/1.1 204 No Content\r\n\r\n"
                  : "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n");
          peer.awaitClientClose();
        });

    try (HttpResponse response =
        transport.execute(HttpRequest.post("/start", Body.none()), TIMEOUT)) {
      assertThat(response.status()).isEqualTo(204);
      assertThat(response.body().read()).isEqualTo(-1);
    }
    try (HttpResponse response = transport.execute(HttpRequest.get("/x"), TIMEOUT)) {
      assertThat(response.status()).isEqualTo(304);
      assertThat(response.bodyBytes(100)).isEmpty();
    }
  }

  @Test
  void execute_headRequest_ignoresContentLength() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.send("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n");
          peer.awaitClientClose();
        });

    try (HttpResponse response = transport.execute(HttpRequest.head("/archive"), TIMEOUT)) {
      assertThat(response.header("Content-Length")).contains("1234");
      assertThat(response.bodyBytes(10)).isEmpty();
    }
  }

  @Test
  void execute_interim100Continue_isSkipped() throws Exception {
    serve(
        FakeEngine.replying(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok"));

    try (HttpResponse response = transport.execute(HttpRequest.get("/x"), TIMEOUT)) {
      assertThat(response.status()).isEqualTo(201);
      assertThat(response.bodyString()).isEqualTo("ok");
    }
  }

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

  @Test
  void execute_manyConcurrentRequests_eachGetsItsOwnAnswer() throws Exception {
    serve(
        peer -> {
          String head = peer.readHead();
          String id = head.substring(head.indexOf("/item/") + 6, head.indexOf(" HTTP/1.1"));
          Thread.sleep(id.hashCode() & 15);
          String body = "{\"id\":\"" + id + "\"}";
          peer.send("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String path = "/item/" + i;
        results.add(
            pool.submit(
                () -> {
                  try (HttpResponse response = transport.execute(HttpRequest.get(path), TIMEOUT)) {
                    return response.bodyString();
                  }
                }));
      }
      for (int i = 0; i < 64; i++) {
        assertThat(results.get(i).get()).isEqualTo("{\"id\":\"" + i + "\"}");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void headers_repeatedAndMixedCase_areAllKept() throws Exception {
    serve(
        FakeEngine.replying(
            "HTTP/1.1 200 OK\r\n"
                + "Set-Thing: a\r\n"
                + "set-thing: b\r\n"
                + "Api-Version:1.41\r\n"
                + "Content-Length: 0\r\n\r\n"));

    try (HttpResponse response = transport.execute(HttpRequest.get("/x"), TIMEOUT)) {
      assertThat(response.headers().get("SET-THING")).containsExactly("a", "b");
      assertThat(response.header("api-version")).contains("1.41");
      assertThat(response.header("missing")).isEmpty();
    }
  }

  @Test
  void bodyBytes_largerThanLimit_throwsProtocolException() throws Exception {
    serve(FakeEngine.replying("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n0123456789A"));

    try (HttpResponse response = transport.execute(HttpRequest.get("/x"), TIMEOUT)) {
      assertThatThrownBy(() -> response.bodyBytes(10))
          .isInstanceOf(HttpProtocolException.class)
          .hasMessageContaining("larger than 10 bytes");
    }
  }

  @Test
  void bodyBytes_exactlyLimit_succeeds() throws Exception {
    serve(
        FakeEngine.replying(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\n0123456789\r\n0\r\n\r\n"));

    try (HttpResponse response = transport.execute(HttpRequest.get("/x"), TIMEOUT)) {
      assertThat(response.bodyBytes(10)).hasSize(10);
    }
  }

  @Test
  void close_isIdempotentAndLaterReadsFail() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.send("HTTP/1.1 200 OK\r\n\r\npartial");
          peer.awaitClientClose();
        });

    HttpResponse response = transport.execute(HttpRequest.get("/x"), TIMEOUT);
    response.close();
    response.close();

    assertThatThrownBy(() -> response.body().readAllBytes()).isInstanceOf(IOException.class);
  }

  @Test
  void bodyClose_closesTheResponse() throws Exception {
    serve(
        peer -> {
          peer.readHead();
          peer.send("HTTP/1.1 200 OK\r\n\r\nstream");
          peer.awaitClientClose();
        });

    HttpResponse response = transport.execute(HttpRequest.get("/events"), TIMEOUT);
    response.body().close();

    assertThatThrownBy(() -> response.body().read()).hasMessageContaining("closed");
    assertThatThrownBy(response::shutdownOutput).isInstanceOf(IOException.class);
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
