package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageTest {

  @ParameterizedTest
  @CsvSource({
    "python, PYTHON", "Python3, PYTHON", "py, PYTHON", "node, NODE", "JS, NODE",
    "javascript, NODE", "bash, BASH", "sh, SH", "' shell ', SH"
  })
  void parse_knownNameOrAlias_anyCase(String name, Language expected) {
    assertThat(Language.parse(name)).isEqualTo(expected);
  }

  @Test
  void parse_unknown_listsKnownNames() {
    assertThatThrownBy(() -> Language.parse("ruby"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("unknown language 'ruby'")
        .satisfies(
            e ->
                assertThat(((InvalidArgumentException) e).hint().orElseThrow())
                    .contains("python", "python3", "node", "javascript", "bash", "sh"));
  }

  @Test
  void interpreter_perLanguage() {
    assertThat(Language.PYTHON.interpreter()).isEqualTo("python3");
    assertThat(Language.NODE.interpreter()).isEqualTo("node");
  }
}
