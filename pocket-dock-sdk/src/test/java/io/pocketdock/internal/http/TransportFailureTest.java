package io.pocketdock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransportFailureTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private FakeEngine engine;
  private UnixSocketTransport transport;

  @AfterEach
  void tearDown() throws Exception {
    if (transport != null) {
      transport.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void execute_missingSocket_throwsConnectExceptionNamingPath() {
    Path missing = dir.resolve("nope.sock");
    transport = new UnixSocketTransport(missing);

    assertThatThrownBy(() -> transport.execute(HttpRequest.get("/_ping"), TIMEOUT))
        .isInstanceOf(HttpConnectException.class)
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining(missing.toString())
        .satisfies(e -> assertThat(((HttpConnectException) e).socketPath()).isEqualTo(missing));
  }

  @Test
  void execute_nobodyListening_throwsConnectException() throws IOException {
    Path stale = dir.resolve("stale.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(stale));
    }
    assertThat(Files.exists(stale)).isTrue();
    transport = new UnixSocketTransport(stale);

    assertThatThrownBy(() -> transport.execute(HttpRequest.get("/_ping"), TIMEOUT))
        .isInstanceOf(HttpConnectException.class)
        .hasMessageContaining(stale.toString())
        .hasMessageContaining("refused");
  }

  static Stream<Arguments> malformedHeads() {
    return Stream.of(
        Arguments.of("", "without responding"),
        Arguments.of("HTTP/1.1 200 OK\r\nContent-Le", "inside a header"),
        Arguments.of("HTTP/1.1 OK\r\n\r\n", "malformed status line"),
        Arguments.of("HTTP/2 200 OK\r\n\r\n", "malformed status line"),
        Arguments.of("FOO 200 OK\r\n\r\n", "malformed status line"),
        Arguments.of("HTTP/1.1 2000 OK\r\n\r\n", "malformed status line"),
        Arguments.of("HTTP/1.1 099 Low\r\n\r\n", "malformed status line"),
        Arguments.of("HTTP/1.1 200 OK\r\nNoColon\r\n\r\n", "malformed header"),
        Arguments.of("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", "malformed header"),
        Arguments.of("HTTP/1.1 200 OK\r\nName : x\r\n\r\n", "malformed header"),
        Arguments.of("HTTP/1.1 200 OK\r\nA: b\r\n folded\r\n\r\n", "malformed header"),
        Arguments.of("HTTP/1.1 200 OK\r\nA: b\u0001c\r\n\r\n", "control character"),
        Arguments.of("HTTP/1.1 200 OK\r\nA: " + "x".repeat(70_000) + "\r\n\r\n", "longer than"),
        Arguments.of("HTTP/1.1 200 OK\r\n" + "A: b\r\n".repeat(101) + "\r\n", "more than 100"),
        Arguments.of("HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n", "invalid Content-Length"),
        Arguments.of("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "invalid Content-Length"),
        Arguments.of(
            "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            "invalid Content-Length"),
        Arguments.of(
            "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
            "invalid Content-Length"),
        Arguments.of(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
            "unsupported Transfer-Encoding"));
  }

  @ParameterizedTest
  @MethodSource("malformedHeads")
  void execute_malformedHead_throwsProtocolException(String response, String message)
      throws IOException {
    engine = new FakeEngine(dir, FakeEngine.replying(response));
    transport = new UnixSocketTransport(engine.socket());

    assertThatThrownBy(() -> transport.execute(HttpRequest.get("/x"), TIMEOUT))
        .isInstanceOf(HttpProtocolException.class)
        .hasMessageContaining(message);
  }

  static Stream<Arguments> malformedBodies() {
    String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    return Stream.of(
        Arguments.of(
            "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", "after 5 of 10 body bytes"),
        Arguments.of(chunked + "zz\r\nabc\r\n0\r\n\r\n", "invalid chunk size"),
        Arguments.of(chunked + "\r\n", "invalid chunk size"),
        Arguments.of(chunked + "-1\r\n", "invalid chunk size"),
        Arguments.of(chunked + "1 2\r\n", "invalid chunk size"),
        Arguments.of(chunked + "1234567890abcdef0\r\n", "invalid chunk size"),
        Arguments.of(chunked + "3\r\nabcdef\r\n0\r\n\r\n", "not followed by CRLF"),
        Arguments.of(chunked + "5\r\nabc", "inside a chunk"),
        Arguments.of(chunked + "3\r\nabc", "inside the chunked body"),
        Arguments.of(chunked + "3\r\nabc\r\n", "inside the chunked body"),
        Arguments.of(chunked + "0\r\nTrailer: x\r\n", "inside the trailers"),
        Arguments.of(chunked + "0\r\nBad Trailer\r\n\r\n", "malformed trailer"));
  }

  @ParameterizedTest
  @MethodSource("malformedBodies")
  void bodyRead_malformedBody_throwsProtocolException(String response, String message)
      throws IOException {
    engine = new FakeEngine(dir, FakeEngine.replying(response));
    transport = new UnixSocketTransport(engine.socket());

    try (HttpResponse r = transport.execute(HttpRequest.get("/x"), TIMEOUT)) {
      InputStream body = r.body();
      assertThatThrownBy(body::readAllBytes)
          .isInstanceOf(HttpProtocolException.class)
          .hasMessageContaining(message);
    }
  }

  @Test
  void bodyRead_chunkExtensionsAndTrailers_areAccepted() throws IOException {
    engine =
        new FakeEngine(
            dir,
            FakeEngine.replying(
                "HTTP/1.1 200 OK\r\n"
                    + "Transfer-Encoding: Chunked\r\n\r\n"
                    + "4;a=b\r\n"
                    + "Wiki\r\n"
                    + "5 ; c\r\n"
                    + "pedia\r\n"
                    + "E\r\n"
                    + " in\r\n\r\n"
                    + "chunks.\r\n"
                    + "0;last\r\n"
                    + "Expires: never\r\n\r\n"));
    transport = new UnixSocketTransport(engine.socket());

    try (HttpResponse r = transport.execute(HttpRequest.get("/x"), TIMEOUT)) {
      assertThat(r.bodyString()).isEqualTo("Wikipedia in\r\n\r\nchunks.");
    }
  }
}
