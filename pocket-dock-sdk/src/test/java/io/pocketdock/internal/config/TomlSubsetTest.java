package io.pocketdock.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TomlSubsetTest {

  @Test
  void writeThenParse_allValueKinds_roundTrip() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", "abc \"quoted\" \\ back\nslash\u0001");
    v.put("count", 42L);
    v.put("negative", -1L);
    v.put("flag", true);
    v.put("list", List.of("a", "b, c", "\"d\""));
    v.put("empty", List.of());
    String text = TomlSubset.write("header line 1\nline 2", v);
    assertThat(text).startsWith("# header line 1\n# line 2\n");
    assertThat(TomlSubset.parse(text)).isEqualTo(v);
  }

  @Test
  void parse_commentsAfterValues_ignored() {
    assertThat(TomlSubset.parse("a = 1 # one\nb = \"x\"# two\n")).containsEntry("a", 1L).containsEntry("b", "x");
  }

  @Test
  void parse_malformed_reportsLine() {
    for (String[] c :
        new String[][] {
          {"a = 1\nb\n", "2"},
          {"a = \"open\n", "1"},
          {"a = [\"x\"\n", "1"},
          {"a = [1]\n", "1"},
          {"a = 1\na = 2\n", "2"},
          {"a = word\n", "1"},
          {"a = 1 2\n", "1"},
          {"[table]\n", "1"},
        }) {
      assertThatThrownBy(() -> TomlSubset.parse(c[0]))
          .as(c[0])
          .isInstanceOfSatisfying(
              ConfigSyntaxException.class, e -> assertThat(e.line()).isEqualTo(Integer.parseInt(c[1])));
    }
  }
}
