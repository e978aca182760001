package io.pocketdock.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {
  private static final java.util.function.Supplier<BufferedReader> NO_INPUT =
      () -> new BufferedReader(new StringReader(""));

  @Test
  void colours_onlyOnAnInteractiveTerminalWithoutNoColor() {
    assertThat(Terminal.of(true, Map.of(), NO_INPUT).colors().enabled()).isTrue();
    assertThat(Terminal.of(false, Map.of(), NO_INPUT).colors().enabled()).isFalse();
    assertThat(Terminal.of(true, Map.of("NO_COLOR", "1"), NO_INPUT).colors().enabled()).isFalse();
    assertThat(Terminal.of(true, Map.of("NO_COLOR", ""), NO_INPUT).colors().enabled()).isTrue();
    assertThat(Terminal.of(true, Map.of("TERM", "dumb"), NO_INPUT).colors().enabled()).isFalse();
  }

  @Test
  void colorsOff_leaveTextUnchanged() {
    assertThat(Colors.of(false).red("x")).isEqualTo("x");
    assertThat(Colors.of(true).red("x")).isEqualTo("\u001b[31mx\u001b[0m");
  }

  @Test
  void confirm_acceptsOnlyYes() {
    StringWriter err = new StringWriter();
    Terminal t = Terminal.of(true, Map.of(), () -> new BufferedReader(new StringReader("Y\nno\nyes\n")));
    PrintWriter w = new PrintWriter(err, true);
    assertThat(t.confirm(w, "Go?")).isTrue();
    assertThat(t.confirm(w, "Go?")).isFalse();
    assertThat(t.confirm(w, "Go?")).isTrue();
    assertThat(err.toString()).isEqualTo("Go? [y/N] Go? [y/N] Go? [y/N] ");
  }

  @Test
  void confirm_withoutATerminal_isAProgrammingError() {
    assertThatThrownBy(() -> Terminal.none().confirm(new PrintWriter(new StringWriter()), "Go?"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void noConsole_isNotATerminal() {
    assertThat(Terminal.isTerminal(null)).isFalse();
  }

  @Test
  void humanFormat() {
    assertThat(HumanFormat.bytes(512)).isEqualTo("512 B");
    assertThat(HumanFormat.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(HumanFormat.bytes(256L << 20)).isEqualTo("256.0 MiB");
    assertThat(HumanFormat.duration(Duration.ofSeconds(42))).isEqualTo("42s");
    assertThat(HumanFormat.duration(Duration.ofSeconds(185))).isEqualTo("3m 5s");
    assertThat(HumanFormat.duration(Duration.ofHours(2))).isEqualTo("2h 0m");
    assertThat(HumanFormat.duration(Duration.ofHours(76))).isEqualTo("3d 4h");
    assertThat(HumanFormat.percent(4.6875)).isEqualTo("4.7%");
  }
}
