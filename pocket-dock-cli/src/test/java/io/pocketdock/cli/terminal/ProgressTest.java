package io.pocketdock.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter err = new PrintWriter(text, true);

  @Test
  void piped_startLineOnFirstUpdate_thenTheSummary_noCarriageReturns() {
    Progress p = Progress.start(err, false, "importing x.tar", 100);
    assertThat(text.toString()).isEmpty();
    p.update(10);
    p.update(100);
    p.done("imported 1 image");
    assertThat(text.toString()).isEqualTo("importing x.tar...\nimported 1 image\n");
  }

  @Test
  void piped_failureBeforeAnyProgress_leavesNothing() {
    Progress.start(err, false, "exporting dev", -1);
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void live_redrawsInPlace_andClearsForTheSummary() {
    Progress p = Progress.start(err, true, "importing", 200);
    p.update(100);
    p.done("done");
    assertThat(text.toString()).startsWith("\r\u001b[K" + "importing [############............] 50% 100 B / 200 B").endsWith("\r\u001b[Kdone\n");
  }

  @Test
  void line_unknownTotal_showsBytesAndRate() {
    Progress p = Progress.start(err, true, "exporting", -1);
    assertThat(p.line(3L << 20, 1_000_000_000L)).isEqualTo("exporting 3.0 MiB (3.0 MiB/s)");
    assertThat(p.line(10, 1000)).isEqualTo("exporting 10 B");
  }
}
