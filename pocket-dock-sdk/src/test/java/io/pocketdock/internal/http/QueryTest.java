package io.pocketdock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTest {

  @Test
  void toString_empty_isEmptyString() {
    assertThat(Query.of().toString()).isEmpty();
  }

  @Test
  void add_values_areEncodedInOrder() {
    Query query =
        Query.of()
            .add("all", true)
            .add("limit", 10L)
            .add("filters", "{\"label\":[\"a=b c\"]}")
            .addIfNotNull("since", null)
            .add("name", "caf\u00e9/\ud83d\ude00");

    assertThat(query.toString())
        .isEqualTo(
            "?all=true&limit=10&filters=%7B%22label%22%3A%5B%22a%3Db%20c%22%5D%7D"
                + "&name=caf%C3%A9%2F%F0%9F%98%80");
  }

  @Test
  void add_returnsNewQuery() {
    Query base = Query.of().add("a", "1");

    base.add("b", "2");

    assertThat(base.toString()).isEqualTo("?a=1");
  }

  @Test
  void encode_unreservedCharacters_areKept() {
    assertThat(Query.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
    assertThat(Query.encode("a+b&c?d#e%")).isEqualTo("a%2Bb%26c%3Fd%23e%25");
  }
}
