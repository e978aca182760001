package io.pocketdock.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParseTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "0",
        "-0",
        "1",
        "-1",
        "0.5",
        "-0.5e-3",
        "1E10",
        "1e+10",
        "123.456e-789",
        "true",
        "false",
        "null",
        "\"\"",
        "\" \"",
        "\"\\u0000\"",
        "\"\\/\"",
        " [ 1 , 2 ] ",
        "\t\n\r {\"a\" : [ ] }\n",
        "[[[[]]]]",
        "{\"\":0}",
        "[\"\\ud800\"]",
        "\"\\uDBFF\\uDFFF\"",
        "[1,\"a\",true,false,null,{},[]]",
        "\"\u00e9\u4e2d\ud83d\ude00\"",
        "\"\u007f\""
      })
  void parse_validText_succeeds(String text) {
    assertThat(Json.parse(text)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "[",
        "]",
        "{",
        "}",
        "[1,]",
        "{\"a\":1,}",
        "[,1]",
        "[1 2]",
        "{\"a\" 1}",
        "{a:1}",
        "{'a':1}",
        "['a']",
        "01",
        "-01",
        "00",
        "1.",
        ".5",
        "+1",
        "-",
        "1e",
        "1e+",
        "1.e3",
        "NaN",
        "Infinity",
        "-Infinity",
        "nan",
        "tru",
        "True",
        "nul",
        "nulll",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"\\u\"",
        "\"\t\"",
        "\"\n\"",
        "\"\u001f\"",
        "1 2",
        "{} {}",
        "[]]",
        "\"a\"x",
        "/* c */ 1",
        "1 // c",
        "{\"a\":1,\"a\":2}",
        "\ufeff{}",
        "[1,,2]",
        "{\"a\":}",
        "{,}",
        "{\"a\"}",
        "0x10",
        "1_000",
        "[\"\\u٠٠٠٠\"]",
        "\u00a0[]"
      })
  void parse_invalidText_throwsJsonException(String text) {
    assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
  }

  @Test
  void parse_object_keepsMemberOrder() {
    JsonObject object = Json.parseObject("{\"z\":1,\"a\":2,\"m\":3}");

    assertThat(object.members().keySet()).containsExactly("z", "a", "m");
  }

  @Test
  void parse_nestedDocument_buildsTree() {
    JsonValue value = Json.parse("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}");

    JsonObject expected =
        JsonObject.builder()
            .put(
                "a",
                JsonArray.of(
                    JsonNumber.of(1), JsonObject.builder().put("b", JsonNull.INSTANCE).build()))
            .put("c", "d")
            .build();
    assertThat(value).isEqualTo(expected);
  }

  @Test
  void parse_escapes_decodesEveryKind() {
    JsonValue value = Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\ud83d\\ude00\"");

    assertThat(value).isEqualTo(new JsonString("\"\\/\b\f\n\r\tA\u00e9\ud83d\ude00"));
  }

  @Test
  void parse_loneSurrogateEscape_isKept() {
    assertThat(Json.parse("\"a\\udc00b\"")).isEqualTo(new JsonString("a\udc00b"));
  }

  @Test
  void parse_duplicateKey_namesKeyAndPosition() {
    assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"a\": 2\n}"))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("duplicate member name \"a\"")
        .hasMessageContaining("line 3, column 3");
  }

  @Test
  void parse_error_reportsOffsetLineAndColumn() {
    JsonException error = catchJson("[1,\n 2,\n ]");

    assertThat(error.offset()).isEqualTo(9);
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.column()).isEqualTo(2);
    assertThat(error).hasMessageContaining("line 3, column 2 (offset 9)");
  }

  @Test
  void parse_maxDepth_succeeds() {
    String text = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);

    assertThat(Json.parse(text)).isInstanceOf(JsonArray.class);
  }

  @Test
  void parse_deeperThanMax_throwsJsonException() {
    String text = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);

    assertThat(catchJson(text)).hasMessageContaining("nesting deeper than 512");
  }

  @Test
  void parse_hugeNesting_throwsJsonExceptionNotStackOverflow() {
    assertThat(catchJson("{\"a\":".repeat(100_000))).hasMessageContaining("nesting");
    assertThat(catchJson("[".repeat(1_000_000))).hasMessageContaining("nesting");
  }

  @Test
  void parse_bigNumbers_keepsExactValue() {
    String big = "123456789012345678901234567890.123456789012345678901234567890";

    assertThat(((JsonNumber) Json.parse(big)).value()).isEqualTo(new BigDecimal(big));
    assertThat(((JsonNumber) Json.parse("1e400")).doubleValue()).isInfinite();
    assertThat(((JsonNumber) Json.parse("-1e999999999")).value().signum()).isEqualTo(-1);
  }

  @Test
  void parse_exponentBeyondRange_throwsJsonException() {
    assertThat(catchJson("1e99999999999")).hasMessageContaining("out of range");
  }

  @Test
  void parse_overlongNumber_throwsJsonException() {
    assertThat(catchJson("1".repeat(JsonReader.MAX_NUMBER_LENGTH + 1)))
        .hasMessageContaining("longer");
  }

  @Test
  void parseBytes_validUtf8_decodes() {
    byte[] utf8 = "{\"k\":\"\u00e9\ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(Json.parseObject(utf8).string("k", "")).isEqualTo("\u00e9\ud83d\ude00");
  }

  @Test
  void parseBytes_invalidUtf8_throwsWithByteOffset() {
    List<byte[]> invalid =
        List.of(
            new byte[] {'"', (byte) 0xff, '"'},
            new byte[] {'"', (byte) 0xc3, '"'},
            new byte[] {'"', (byte) 0xc0, (byte) 0xaf, '"'}, // overlong '/'
            new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}, // encoded surrogate
            new byte[] {'"', (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // > U+10FFFF
            new byte[] {'"', (byte) 0xe2, (byte) 0x82}); // truncated at end

    for (byte[] bytes : invalid) {
      assertThatThrownBy(() -> Json.parse(bytes))
          .isInstanceOf(JsonException.class)
          .hasMessageContaining("invalid UTF-8")
          .hasMessageContaining("offset 1");
    }
  }

  @Test
  void parseObject_nonObject_throwsJsonException() {
    assertThat(catchJson(() -> Json.parseObject("[1]"))).hasMessageContaining("found type array");
  }

  @Test
  void parse_scalarTopLevel_isAllowed() {
    assertThat(Json.parse(" 42 ")).isEqualTo(JsonNumber.of(42));
    assertThat(Json.parse("\"s\"")).isEqualTo(new JsonString("s"));
  }

  @Test
  void parse_emptyContainers_areEmpty() {
    assertThat(Json.parse("{ }")).isEqualTo(new JsonObject(Map.of()));
    assertThat(Json.parse("[ ]")).isEqualTo(JsonArray.of());
  }

  private static JsonException catchJson(String text) {
    return catchJson(() -> Json.parse(text));
  }

  private static JsonException catchJson(Runnable parse) {
    try {
      parse.run();
    } catch (JsonException e) {
      return e;
    }
    throw new AssertionError("expected a JsonException");
  }
}
