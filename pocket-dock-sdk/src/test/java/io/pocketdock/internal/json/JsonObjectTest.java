package io.pocketdock.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonObjectTest {

  private final JsonObject object =
      Json.parseObject(
          "{\"s\":\"text\",\"n\":42,\"d\":1.5,\"b\":true,\"nul\":null,\"o\":{\"x\":1},"
              + "\"a\":[\"p\",null,\"q\"],\"big\":1e30}");

  @Test
  void get_missingOrNull_isEmpty() {
    assertThat(object.get("missing")).isEmpty();
    assertThat(object.get("nul")).isEmpty();
    assertThat(object.get("s")).contains(new JsonString("text"));
  }

  @Test
  void has_nullMember_isFalse() {
    assertThat(object.has("s")).isTrue();
    assertThat(object.has("nul")).isFalse();
    assertThat(object.has("missing")).isFalse();
    assertThat(object.members()).containsKey("nul");
  }

  @Test
  void scalarAccessors_presentMembers_returnValues() {
    assertThat(object.string("s", "fb")).isEqualTo("text");
    assertThat(object.stringOrNull("s")).isEqualTo("text");
    assertThat(object.longValue("n", -1)).isEqualTo(42);
    assertThat(object.doubleValue("d", -1)).isEqualTo(1.5);
    assertThat(object.doubleValue("n", -1)).isEqualTo(42.0);
    assertThat(object.bool("b", false)).isTrue();
  }

  @Test
  void scalarAccessors_missingOrNull_returnFallback() {
    for (String key : List.of("missing", "nul")) {
      assertThat(object.string(key, "fb")).isEqualTo("fb");
      assertThat(object.stringOrNull(key)).isNull();
      assertThat(object.longValue(key, 7)).isEqualTo(7);
      assertThat(object.doubleValue(key, 0.5)).isEqualTo(0.5);
      assertThat(object.bool(key, true)).isTrue();
    }
  }

  @Test
  void containerAccessors_missingOrNull_returnEmpty() {
    assertThat(object.object("missing").members()).isEmpty();
    assertThat(object.object("nul").members()).isEmpty();
    assertThat(object.array("missing").size()).isZero();
    assertThat(object.array("nul").size()).isZero();
    assertThat(object.object("o").longValue("x", 0)).isEqualTo(1);
    assertThat(object.array("a").strings()).containsExactly("p", "q");
  }

  @Test
  void accessors_wrongType_throwNamingKey() {
    assertThatThrownBy(() -> object.string("n", ""))
        .hasMessageContaining("\"n\"")
        .hasMessageContaining("number");
    assertThatThrownBy(() -> object.stringOrNull("b")).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> object.longValue("s", 0)).hasMessageContaining("\"s\"");
    assertThatThrownBy(() -> object.doubleValue("s", 0)).hasMessageContaining("\"s\"");
    assertThatThrownBy(() -> object.bool("s", false)).hasMessageContaining("\"s\"");
    assertThatThrownBy(() -> object.object("a"))
        .hasMessageContaining("\"a\"")
        .hasMessageContaining("array");
    assertThatThrownBy(() -> object.array("o")).hasMessageContaining("\"o\"");
  }

  @Test
  void longValue_fractionOrOverflow_throwsNamingKey() {
    assertThatThrownBy(() -> object.longValue("d", 0))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("\"d\"");
    assertThatThrownBy(() -> object.longValue("big", 0)).hasMessageContaining("\"big\"");
  }

  @Test
  void members_areUnmodifiableCopies() {
    Map<String, JsonValue> source = new LinkedHashMap<>();
    source.put("a", JsonNumber.of(1));
    JsonObject copy = new JsonObject(source);
    source.put("b", JsonNumber.of(2));

    assertThat(copy.members()).containsOnlyKeys("a");
    assertThatThrownBy(() -> copy.members().put("c", JsonNull.INSTANCE))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builder_putIfNotNull_skipsNulls() {
    JsonObject built =
        JsonObject.builder()
            .putIfNotNull("a", (String) null)
            .putIfNotNull("b", (JsonValue) null)
            .putIfNotNull("c", "x")
            .putIfNotNull("d", JsonBoolean.TRUE)
            .put("e", 2.5)
            .put("f", List.of("1", "2"))
            .build();

    assertThat(Json.write(built))
        .isEqualTo("{\"c\":\"x\",\"d\":true,\"e\":2.5,\"f\":[\"1\",\"2\"]}");
  }

  @Test
  void builder_repeatedKey_replacesValueInPlace() {
    JsonObject built = JsonObject.builder().put("a", 1L).put("b", 2L).put("a", 3L).build();

    assertThat(Json.write(built)).isEqualTo("{\"a\":3,\"b\":2}");
  }

  @Test
  void array_objectsAndStrings_rejectWrongElements() {
    JsonArray mixed = JsonArray.of(JsonObject.empty(), JsonNull.INSTANCE, new JsonString("x"));

    assertThatThrownBy(mixed::objects).hasMessageContaining("element 2");
    assertThatThrownBy(mixed::strings).hasMessageContaining("element 0");
    assertThat(JsonArray.of(JsonObject.empty(), JsonNull.INSTANCE).objects()).hasSize(1);
  }

  @Test
  void array_of_copiesAndIndexes() {
    JsonArray array = JsonArray.of(JsonNumber.of(1), JsonNumber.of(2));

    assertThat(array.size()).isEqualTo(2);
    assertThat(array.get(1)).isEqualTo(JsonNumber.of(2));
    assertThatThrownBy(() -> array.values().add(JsonNull.INSTANCE))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
