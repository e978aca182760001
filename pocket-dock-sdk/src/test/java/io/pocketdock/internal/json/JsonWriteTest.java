package io.pocketdock.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriteTest {

  @Test
  void write_object_isCompactAndOrdered() {
    JsonObject object =
        JsonObject.builder()
            .put("s", "v")
            .put("n", 5L)
            .put("b", true)
            .put("z", JsonNull.INSTANCE)
            .put("a", JsonArray.of(JsonBoolean.FALSE, JsonObject.empty()))
            .build();

    assertThat(Json.write(object))
        .isEqualTo("{\"s\":\"v\",\"n\":5,\"b\":true,\"z\":null,\"a\":[false,{}]}");
  }

  @Test
  void write_controlCharsAndQuotes_areEscaped() {
    String text = "\"\\\n\r\t\b\f\u0000\u001f\u007f/";

    assertThat(Json.write(new JsonString(text)))
        .isEqualTo("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0000\\u001f\u007f/\"");
  }

  @Test
  void write_nonAscii_staysLiteral() {
    assertThat(Json.write(new JsonString("\u00e9\u4e2d\ud83d\ude00")))
        .isEqualTo("\"\u00e9\u4e2d\ud83d\ude00\"");
  }

  @Test
  void write_loneSurrogates_areEscapedSoUtf8StaysValid() {
    String written = Json.write(new JsonString("a\ud800b\udc00\ud83d"));

    assertThat(written).isEqualTo("\"a\\ud800b\\udc00\\ud83d\"");
    assertThat(Json.parse(written.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new JsonString("a\ud800b\udc00\ud83d"));
  }

  @Test
  void write_lineSeparators_areEscaped() {
    assertThat(Json.write(new JsonString("\u2028\u2029"))).isEqualTo("\"\\u2028\\u2029\"");
  }

  @Test
  void write_integers_haveNoExponent() {
    assertThat(Json.write(JsonNumber.of(0))).isEqualTo("0");
    assertThat(Json.write(JsonNumber.of(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
    assertThat(Json.write(Json.parse("1E+2"))).isEqualTo("100");
    assertThat(Json.write(JsonNumber.of(1e10))).isEqualTo("10000000000");
  }

  @Test
  void write_fractions_keepTheirDigits() {
    assertThat(Json.write(JsonNumber.of(2.5))).isEqualTo("2.5");
    assertThat(Json.write(Json.parse("0.0001"))).isEqualTo("0.0001");
    assertThat(Json.write(Json.parse("-1.50"))).isEqualTo("-1.50");
  }

  @Test
  void write_extremeScale_usesExponentForm() {
    assertThat(Json.write(Json.parse("1e-999999"))).isEqualTo("1E-999999");
    assertThat(Json.write(Json.parse("1e999999"))).isEqualTo("1E+999999");
  }

  @Test
  void numberOf_nonFinite_isRejected() {
    assertThatThrownBy(() -> JsonNumber.of(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonNumber.of(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void number_equality_isNumeric() {
    assertThat(Json.parse("1.0")).isEqualTo(JsonNumber.of(1)).hasSameHashCodeAs(JsonNumber.of(1));
    assertThat(Json.parse("0.00")).isEqualTo(Json.parse("-0")).hasSameHashCodeAs(Json.parse("-0"));
    assertThat(Json.parse("1.5")).isNotEqualTo(JsonNumber.of(1));
  }

  @Test
  void number_conversions_areExactOrFail() {
    assertThat(((JsonNumber) Json.parse("1e2")).longValue()).isEqualTo(100);
    assertThat(((JsonNumber) Json.parse("-2147483648")).intValue()).isEqualTo(Integer.MIN_VALUE);
    assertThat(((JsonNumber) Json.parse("0.25")).doubleValue()).isEqualTo(0.25);
    assertThatThrownBy(() -> ((JsonNumber) Json.parse("1.5")).longValue())
        .isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> ((JsonNumber) Json.parse("9223372036854775808")).longValue())
        .isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> ((JsonNumber) Json.parse("2147483648")).intValue())
        .isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> ((JsonNumber) Json.parse("1e999999999")).longValue())
        .isInstanceOf(JsonException.class);
  }

  @Test
  void roundTrip_document_isEqual() {
    String text =
        "{\"Id\":\"abc\",\"State\":{\"Running\":true,\"ExitCode\":0,\"Pid\":1234},"
            + "\"Config\":{\"Env\":[\"A=1\",\"B=\u00e9\"],\"Cmd\":null},\"Size\":1.25e3}";

    JsonValue parsed = Json.parse(text);

    assertThat(Json.parse(Json.write(parsed))).isEqualTo(parsed);
  }

  @Test
  void write_tooDeepTreeBuiltInCode_throwsJsonException() {
    JsonValue value = JsonArray.of();
    for (int i = 0; i < JsonReader.MAX_DEPTH + 2; i++) {
      value = JsonArray.of(value);
    }
    JsonValue deep = value;

    assertThatThrownBy(() -> Json.write(deep)).isInstanceOf(JsonException.class);
  }

  @Test
  void arrayOfStrings_roundTrips() {
    JsonArray array = JsonArray.ofStrings(List.of("sh", "-c", "echo \"hi\""));

    assertThat(Json.write(array)).isEqualTo("[\"sh\",\"-c\",\"echo \\\"hi\\\"\"]");
    assertThat(((JsonArray) Json.parse(Json.write(array))).strings())
        .containsExactly("sh", "-c", "echo \"hi\"");
  }

  @Test
  void numberToString_abbreviatesHugeValues() {
    assertThat(new JsonNumber(new BigDecimal("1".repeat(100))).toString()).hasSizeLessThan(60);
  }
}
