package io.pocketdock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRequestTest {

  @Test
  void withHeader_sameNameInOtherCase_replacesIt() {
    HttpRequest request =
        HttpRequest.get("/x").withHeader("X-A", "1").withHeader("x-a", "2").withHeader("X-B", "3");

    assertThat(request.headers()).containsExactly(Map.entry("x-a", "2"), Map.entry("X-B", "3"));
    assertThat(request.header("X-A")).isEqualTo("2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "/a b", "/a\r\nX: y", "/caf\u00e9"})
  void constructor_invalidTarget_isRejected(String target) {
    assertThatThrownBy(() -> HttpRequest.get(target)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withHeader_injectionOrReservedName_isRejected() {
    HttpRequest request = HttpRequest.get("/x");

    assertThatThrownBy(() -> request.withHeader("X-A", "v\r\nEvil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request.withHeader("Bad Name", "v"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> request.withHeader("Content-Length", "5"))
        .hasMessageContaining("set by the transport");
    assertThatThrownBy(() -> request.withHeader("host", "evil"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_invalidMethod_isRejected() {
    assertThatThrownBy(() -> new HttpRequest("GE T", "/", Map.of(), Body.none()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void body_contentTypeWithNewline_isRejected() {
    assertThatThrownBy(() -> Body.bytes(new byte[0], "text/plain\r\nX: y"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void head_emptyPost_announcesZeroLength() {
    assertThat(RequestWriter.head(HttpRequest.post("/containers/a/start", Body.none())))
        .isEqualTo(
            "POST /containers/a/start HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Length: 0\r\n\r\n");
  }

  @Test
  void head_explicitContentType_winsOverBodyType() {
    HttpRequest request =
        HttpRequest.post("/build", Body.bytes(new byte[2], "application/x-tar"))
            .withHeader("Content-Type", "application/tar");

    assertThat(RequestWriter.head(request))
        .contains("Content-Type: application/tar\r\n")
        .doesNotContain("x-tar");
  }

  @Test
  void describe_omitsQuery() {
    assertThat(HttpRequest.get("/images/json?filters=%7B%7D").describe())
        .isEqualTo("GET /images/json");
  }
}
