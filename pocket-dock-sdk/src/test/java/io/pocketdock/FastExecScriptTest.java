package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FastExecScriptTest {

  @Test
  void quote_singleQuotes_areClosedEscapedAndReopened() {
    assertThat(FastExecScript.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(FastExecScript.quote("$HOME `x` \"y\"")).isEqualTo("'$HOME `x` \"y\"'");
  }

  @Test
  void request_multiLineValues_countTheirLines() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("A", "one\ntwo");
    String r =
        new String(
            FastExecScript.request("\u001epdM", "tok", "/tmp", env, "echo 1\necho 2"),
            StandardCharsets.UTF_8);
    String[] lines = r.split("\n", -1);
    assertThat(lines[0]).isEqualTo("1");
    assertThat(lines[1]).isEqualTo("\u001epdM");
    // cd, the start marker, the env (2 lines) and the command (2 lines): 3 lines in all.
    assertThat(lines[2]).isEqualTo("3");
    assertThat(r)
        .contains("cd -- '/tmp' 2>/dev/null || exit 1; unset OLDPWD; ")
        .contains("printf '%s' '\u001epdMS'; export 'POCKET_DOCK_RUN=tok' 'A=one\ntwo'")
        .endsWith("; exec /bin/sh -c 'echo 1\necho 2'\n");
  }

  @Test
  void request_noWorkdir_doesNotChangeDirectory() {
    String r =
        new String(FastExecScript.request("m", "t", null, Map.of(), "true"), StandardCharsets.UTF_8);
    assertThat(r).doesNotContain("cd --").contains("exec /bin/sh -c 'true'");
  }

  @Test
  void carries_nul_isRefused() {
    assertThat(FastExecScript.carries("a\0b")).isFalse();
    assertThat(FastExecScript.carries("a\nb'")).isTrue();
  }

  @Test
  void enabledByDefault_envOff_disables() {
    assertThat(FastExec.enabledByDefault(Map.of())).isTrue();
    assertThat(FastExec.enabledByDefault(Map.of(FastExec.ENV, "0"))).isFalse();
    assertThat(FastExec.enabledByDefault(Map.of(FastExec.ENV, "off"))).isFalse();
    assertThat(FastExec.enabledByDefault(Map.of(FastExec.ENV, "1"))).isTrue();
  }
}
