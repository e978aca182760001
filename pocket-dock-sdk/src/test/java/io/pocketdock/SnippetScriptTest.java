package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnippetScriptTest {

  @Test
  void env_code_carriedVerbatim() {
    String code = "print('it\\'s $HOME')\n\\n\n";
    assertThat(SnippetScript.env(code)).containsEntry(SnippetScript.CODE_ENV, code);
  }

  @Test
  void env_atLimit_acceptedAndOneBytePast_refused() {
    assertThat(SnippetScript.env("x".repeat(SnippetScript.MAX_CODE_BYTES))).hasSize(1);
    // The limit counts UTF-8 bytes, not characters.
    assertThatThrownBy(() -> SnippetScript.env("é".repeat(SnippetScript.MAX_CODE_BYTES / 2 + 1)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("limited to");
  }

  @Test
  void env_nul_refused() {
    assertThatThrownBy(() -> SnippetScript.env("a\0b")).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void command_passesInterpreterAsArgument_notInScript() {
    assertThat(SnippetScript.command(Language.BASH))
        .startsWith("/bin/sh", "-c")
        .endsWith("pocket-dock-snippet", "bash");
  }
}
