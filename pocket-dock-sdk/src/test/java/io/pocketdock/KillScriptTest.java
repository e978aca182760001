package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KillScriptTest {

  @Test
  void command_endedRun_scansOnce() {
    List<String> c = KillScript.command("tok", "TERM");
    assertThat(c.subList(0, 2)).containsExactly("/bin/sh", "-c");
    assertThat(c.subList(3, c.size())).containsExactly("pocket-dock-kill", "POCKET_DOCK_RUN=tok", "TERM", "0");
    assertThat(KillScript.command("V", "tok", "KILL")).endsWith("V=tok", "KILL", "0");
  }

  @Test
  void command_runThatMayBeStarting_looksAgainEvery50msForTheGrace() {
    List<String> c = KillScript.command(KillScript.ENV, "tok", "KILL", KillScript.START_GRACE);
    assertThat(KillScript.START_GRACE).isEqualTo(Duration.ofSeconds(3));
    assertThat(c).endsWith("POCKET_DOCK_RUN=tok", "KILL", "60");
    assertThat(c.get(2)).isEqualTo(KillScript.command("tok", "KILL").get(2)); // the same script
  }

  @Test
  void looks_countsWhole50msSteps_neverNegative() {
    assertThat(KillScript.looks(Duration.ZERO)).isZero();
    assertThat(KillScript.looks(Duration.ofMillis(49))).isZero();
    assertThat(KillScript.looks(Duration.ofMillis(120))).isEqualTo(2);
    assertThat(KillScript.looks(Duration.ofSeconds(-1))).isZero();
  }

  @Test
  void script_looksAgainOnlyBeforeAnythingWasSignalled_andStaysPosix() {
    String script = KillScript.command("tok", "TERM").get(2);
    // Only an empty first scan (round 0) with looks left waits; later empty scans end the kill.
    assertThat(script).contains("looks=\"${3:-0}\"", "[ \"$round\" -eq 0 ] && [ \"$looks\" -gt 0 ] || exit 0");
    // A sleep without fractions (some busybox builds) must not stretch the grace twentyfold.
    assertThat(script).contains("sleep 0.05 2>/dev/null || { sleep 1; looks=$((looks - 19)); }");
    assertThat(script).doesNotContain("[[", "$((looks--))", "local ", "function ");
  }
}
