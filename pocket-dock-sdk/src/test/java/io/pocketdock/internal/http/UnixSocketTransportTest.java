package io.pocketdock.internal.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Response framing, headers and lifecycle. */
class UnixSocketTransportTest extends TransportFixture {

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
}
