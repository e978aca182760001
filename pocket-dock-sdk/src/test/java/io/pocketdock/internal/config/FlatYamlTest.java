package io.pocketdock.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatYamlTest {

  @Test
  void parse_commentsQuotesAndBlanks_readsValuesWithLines() {
    Map<String, FlatYaml.Entry> m =
        FlatYaml.parse(
            "# header\n\nplain: hello world  # trailing\n"
                + "dq: \"a \\\"b\\\" # not a comment\"\n"
                + "sq: 'it''s'  # comment\n"
                + "empty:\n"
                + "emptyq: \"\"\n"
                + "hash: a#b\n");
    assertThat(m.get("plain")).isEqualTo(new FlatYaml.Entry("hello world", 3));
    assertThat(m.get("dq").value()).isEqualTo("a \"b\" # not a comment");
    assertThat(m.get("sq").value()).isEqualTo("it's");
    assertThat(m.get("empty").value()).isEmpty();
    assertThat(m.get("emptyq").value()).isEmpty();
    assertThat(m.get("hash").value()).isEqualTo("a#b");
    assertThat(m.keySet()).containsExactly("plain", "dq", "sq", "empty", "emptyq", "hash");
  }

  @Test
  void parse_malformedLines_reportLineNumber() {
    assertLine("a: 1\nb: 2\nthis is not yaml\n", 3);
    assertLine("a: 1\n  nested: 2\n", 2);
    assertLine("a: \"open\n", 1);
    assertLine("a: 1\n\n# c\na: 2\n", 4);
    assertLine("a: [1, 2]\n", 1);
    assertLine("a: - x\n", 1);
    assertLine("a: 'x' y\n", 1);
    assertLine("a: b: c\n", 1);
    assertLine("a:b\n", 1);
    assertLine("bad key: 1\n", 1);
    assertLine("a: \"\\q\"\n", 1);
  }

  private static void assertLine(String text, int line) {
    assertThatThrownBy(() -> FlatYaml.parse(text))
        .isInstanceOfSatisfying(ConfigSyntaxException.class, e -> assertThat(e.line()).isEqualTo(line));
  }

  @Test
  void quote_anyString_roundTrips() {
    for (String s : new String[] {"", "plain", "with \"quotes\" and \\ and # and: colon", "tab\tnl\n"}) {
      assertThat(FlatYaml.parse("k: " + FlatYaml.quote(s)).get("k").value()).isEqualTo(s);
    }
  }

  @Test
  void parse_crlfAndDocumentMarker_accepted() {
    assertThat(FlatYaml.parse("---\r\na: 1\r\n").get("a").value()).isEqualTo("1");
  }
}
