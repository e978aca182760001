package io.pocketdock.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void columnsAlign_lastColumnHasNoTrailingBlanks() {
    StringWriter s = new StringWriter();
    Table.of("NAME", "STATUS", "IMAGE")
        .row("pd-1", "running", "minimal")
        .row("a-much-longer-name", "exited", "")
        .print(new PrintWriter(s, true), Colors.of(false));
    assertThat(s.toString())
        .isEqualTo(
            "NAME                STATUS   IMAGE\n"
                + "pd-1                running  minimal\n"
                + "a-much-longer-name  exited\n");
  }

  @Test
  void headers_areBoldWithColours() {
    StringWriter s = new StringWriter();
    Table.of("A", "B").row("1", "2").print(new PrintWriter(s, true), Colors.of(true));
    assertThat(s.toString()).startsWith("\u001b[1mA  B\u001b[0m\n");
  }

  @Test
  void withoutHeader_printsOnlyRows() {
    StringWriter s = new StringWriter();
    Table.withoutHeader(2).row("k", "v").row("key", "value").print(new PrintWriter(s, true), Colors.of(true));
    assertThat(s.toString()).isEqualTo("k    v\nkey  value\n");
  }
}
