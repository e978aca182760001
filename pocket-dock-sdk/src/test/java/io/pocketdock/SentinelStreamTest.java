package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SentinelStreamTest {
  private static final String ID = "0123456789abcdef01234567";

  /** Collects what the stream splits. */
  private static final class Collect implements SentinelStream.Sink {
    final ByteArrayOutputStream loose = new ByteArrayOutputStream();
    final ByteArrayOutputStream command = new ByteArrayOutputStream();

    @Override
    public void loose(byte[] b, int off, int len) {
      loose.write(b, off, len);
    }

    @Override
    public void command(byte[] b, int off, int len) {
      command.write(b, off, len);
    }
  }

  private static String stdout(String before, String output, int exit, String after) {
    return before + SessionProtocol.START + ID + "\n" + output + "\n" + SessionProtocol.END + ID + " " + exit + "\n" + after;
  }

  @Test
  void feed_wholeStdout_splitsLooseCommandAndExitCode() {
    Collect c = new Collect();
    SentinelStream s = new SentinelStream(true, c);
    s.feed(bytes("early "), 0, 6); // before any command: loose
    s.expect(ID);
    byte[] all = bytes(stdout("bg\n", "hello\n", 42, "late"));
    s.feed(all, 0, all.length);
    assertThat(s.done()).isTrue();
    assertThat(s.exitCode()).isEqualTo(42);
    assertThat(c.command.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
    assertThat(c.loose.toString(StandardCharsets.UTF_8)).isEqualTo("early bg\nlate");
  }

  @Test
  void feed_splitAtEveryPosition_sameResult() {
    String text = stdout("loose", "out without newline", 255, "");
    byte[] all = bytes(text);
    for (int cut = 0; cut <= all.length; cut++) {
      for (int cut2 = cut; cut2 <= all.length; cut2 += 7) {
        Collect c = new Collect();
        SentinelStream s = new SentinelStream(true, c);
        s.expect(ID);
        s.feed(all, 0, cut);
        s.feed(all, cut, cut2 - cut);
        s.feed(all, cut2, all.length - cut2);
        assertThat(s.done()).as("cuts %d %d", cut, cut2).isTrue();
        assertThat(s.exitCode()).isEqualTo(255);
        assertThat(c.command.toString(StandardCharsets.UTF_8)).isEqualTo("out without newline");
        assertThat(c.loose.toString(StandardCharsets.UTF_8)).isEqualTo("loose");
      }
    }
  }

  @Test
  void feed_lookalikeMarkersInOutput_stayOutput() {
    Collect c = new Collect();
    SentinelStream s = new SentinelStream(true, c);
    s.expect(ID);
    String fake = "\n" + SessionProtocol.END + "ffff 0\n" + SessionProtocol.END + ID.substring(0, 10) + "\n";
    byte[] all = bytes(stdout("", fake, 0, ""));
    for (byte b : all) {
      s.feed(new byte[] {b}, 0, 1); // one byte at a time
    }
    assertThat(s.done()).isTrue();
    assertThat(c.command.toString(StandardCharsets.UTF_8)).isEqualTo(fake);
  }

  @Test
  void feed_stderrWithoutExitCode_endsAtMarkerLine() {
    Collect c = new Collect();
    SentinelStream s = new SentinelStream(false, c);
    s.expect(ID);
    byte[] all = bytes(SessionProtocol.START + ID + "\nerr\n\n" + SessionProtocol.END + ID + "\nafter");
    s.feed(all, 0, all.length);
    assertThat(s.done()).isTrue();
    assertThat(s.exitCode()).isEqualTo(-1);
    assertThat(c.command.toString(StandardCharsets.UTF_8)).isEqualTo("err\n");
    assertThat(c.loose.toString(StandardCharsets.UTF_8)).isEqualTo("after");
  }

  @Test
  void reset_midCommand_releasesHeldBytes() {
    Collect c = new Collect();
    SentinelStream s = new SentinelStream(true, c);
    s.expect(ID);
    byte[] part = bytes(SessionProtocol.START + ID + "\nabc\n__pd_");
    s.feed(part, 0, part.length);
    assertThat(c.command.toString(StandardCharsets.UTF_8)).isEqualTo("abc"); // "\n__pd_" held back
    s.reset();
    assertThat(c.command.toString(StandardCharsets.UTF_8)).isEqualTo("abc\n__pd_");
    assertThat(s.done()).isFalse();
  }

  @Test
  void protocol_quote_survivesSingleQuotes() {
    assertThat(SessionProtocol.quote("it's")).isEqualTo("'it'\\''s'");
    String line = SessionProtocol.wrap("echo hi", ID, "tok");
    assertThat(line).endsWith("\n").doesNotContain(SessionProtocol.START + ID).doesNotContain(SessionProtocol.END + ID);
    assertThat(line.chars().filter(ch -> ch == '\n').count()).isEqualTo(1);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
