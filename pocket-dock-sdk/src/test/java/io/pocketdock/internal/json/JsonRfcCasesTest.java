package io.pocketdock.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Accept/reject cases written from RFC 8259 and RFC 3629 in the style of the public JSONTestSuite
 * ({@code y_} must parse, {@code n_} must fail), covering what {@link JsonParseTest} does not:
 * byte-level UTF-8 errors, more number grammar, escapes and structure. Our own cases, not the
 * suite's files (this machine cannot download it).
 */
class JsonRfcCasesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[1E22]", "[1E-2]", "[1e+2]", "[-0.0]", "[-0e0]", "[0e1]", "[123e65]", "[1.5e+9999]",
        "[-123123123123123123123123123123]", "[1e-999999]", "{\"\\u0000\":0}",
        "[\"\\u0061\\u30af\\u30EA\\u30b9\"]", "[\"\\\\u0000\"]", "[\"a\\/b\"]", "{\"a\":{\"a\":{}}}",
        "[\"\\uD834\\uDD1E\"]", "[\"\u2028\u2029\"]", "[\"\\\"\"]", "[ \"a\" ]", "{\"a\":\"b\",\"c\":\"d\"}",
        "\"\uffff\"", "[[],[[]],{}]", "-1E+5", "[1e0]", "[0.0000001]"
      })
  void y_validText_parses(String text) {
    assertThat(Json.parse(text)).isNotNull();
    assertThat(Json.parse(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(Json.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[1e1.0]", "[-1.0.]", "[1e1e1]", "[-]", "[--1]", "[1.2.3]", "[0.e1]", "[2.e-3]", "[.2e-3]",
        "[1ea]", "[1e\u00e5]", "[1+2]", "[0x1]", "[Infinity]", "[-NaN]", "[\u00061]", "[1.0e]",
        "[\"\\U0041\"]", "[\"\\uD800\\u\"]", "[\"\\u00\"]", "[\"\\'\"]", "[\"\\a\"]", "[\"\\\"]",
        "[\"a\u0000\"]", "[\"\\\u0000\"]", "tRue", "fALSE", "nULL", "[true false]", "{\"a\":1}x",
        "{\"a\":1 \"b\":2}", "{\"a\"::1}", "{:1}", "{1:1}", "{null:1}", "[\"a\",]", "[,]", "{\"a\",1}",
        "[\u000b1]", "[\u000c1]", "[1]\u0000", "\u0000", "[\"\"", "[{]", "[}]", "{[}", "{]", "[[]]]",
        "\"\\", "[1,2", "{\"a\":1", "[\"\\u"
      })
  void n_invalidText_rejected(String text) {
    assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
  }

  /** Malformed UTF-8 (RFC 3629 section 3): each as the content of a JSON string. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "ff", "fe", "80", "bf", "c0af", "c1bf", "e080af", "f0808080", "eda080", "edbfbf", "f4908080",
        "f8888080", "c3", "e282", "f09f98", "c328", "e228a1", "f0288cbc"
      })
  void n_invalidUtf8InString_rejected(String hex) {
    byte[] inner = HexFormat.of().parseHex(hex);
    byte[] doc = new byte[inner.length + 4];
    doc[0] = '[';
    doc[1] = '"';
    System.arraycopy(inner, 0, doc, 2, inner.length);
    doc[inner.length + 2] = '"';
    doc[inner.length + 3] = ']';
    assertThatThrownBy(() -> Json.parse(doc)).isInstanceOf(JsonException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"c3a9", "e282ac", "f09f9880", "7f", "efbfbf", "f48fbfbf"})
  void y_validUtf8InString_parses(String hex) {
    byte[] inner = HexFormat.of().parseHex(hex);
    byte[] doc = new byte[inner.length + 2];
    doc[0] = '"';
    System.arraycopy(inner, 0, doc, 1, inner.length);
    doc[inner.length + 1] = '"';
    assertThat(Json.parse(doc)).isEqualTo(new JsonString(new String(inner, StandardCharsets.UTF_8)));
  }
}
