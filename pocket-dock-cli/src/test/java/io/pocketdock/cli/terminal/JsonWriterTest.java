package io.pocketdock.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void scalars() {
    assertThat(JsonWriter.write(null)).isEqualTo("null");
    assertThat(JsonWriter.write(true)).isEqualTo("true");
    assertThat(JsonWriter.write(42)).isEqualTo("42");
    assertThat(JsonWriter.write(-7L)).isEqualTo("-7");
    assertThat(JsonWriter.write(1.5)).isEqualTo("1.5");
    assertThat(JsonWriter.write(3.0)).isEqualTo("3.0");
    assertThat(JsonWriter.write(0.0)).isEqualTo("0.0");
    assertThat(JsonWriter.write(1e20)).isEqualTo("1.0E20");
  }

  @Test
  void nonFiniteNumbers_becomeNull() {
    assertThat(JsonWriter.write(Double.NaN)).isEqualTo("null");
    assertThat(JsonWriter.write(Double.POSITIVE_INFINITY)).isEqualTo("null");
  }

  @Test
  void strings_escapeQuotesBackslashesAndControlCharacters() {
    assertThat(JsonWriter.write("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(JsonWriter.write("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
    assertThat(JsonWriter.write("\u0000\u001f\u007f")).isEqualTo("\"\\u0000\\u001f\\u007f\"");
    assertThat(JsonWriter.write("/")).isEqualTo("\"/\"");
  }

  @Test
  void unicode_isWrittenAsIs_exceptLineSeparatorsAndLoneSurrogates() {
    assertThat(JsonWriter.write("é 中 😀")).isEqualTo("\"é 中 😀\"");
    assertThat(JsonWriter.write("a\u2028b\u2029")).isEqualTo("\"a\\u2028b\\u2029\"");
    assertThat(JsonWriter.write("x\ud83dy")).isEqualTo("\"x\\ud83dy\"");
    assertThat(JsonWriter.write("\ude00")).isEqualTo("\"\\ude00\"");
  }

  @Test
  void objectsKeepInsertionOrder_andNest() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("z", 1);
    o.put("a", List.of("x", false));
    o.put("n", null);
    o.put("m", Map.of("k\"", "v"));
    assertThat(JsonWriter.write(o)).isEqualTo("{\"z\":1,\"a\":[\"x\",false],\"n\":null,\"m\":{\"k\\\"\":\"v\"}}");
  }

  @Test
  void emptyContainers() {
    assertThat(JsonWriter.write(List.of())).isEqualTo("[]");
    assertThat(JsonWriter.write(Map.of())).isEqualTo("{}");
    assertThat(JsonWriter.write(Arrays.asList(null, null))).isEqualTo("[null,null]");
  }

  @Test
  void otherTypes_areRejected() {
    assertThatThrownBy(() -> JsonWriter.write(new Object())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonWriter.write(Map.of(1, 2))).isInstanceOf(IllegalArgumentException.class);
  }
}
