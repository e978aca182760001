package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OomProbeTest {

  @Test
  void parse_cgroupV1OomControl_readsCounter() {
    assertThat(OomProbe.parse("oom_kill_disable 0\nunder_oom 0\noom_kill 3\n")).isEqualTo(3);
  }

  @Test
  void parse_cgroupV2MemoryEvents_readsCounter() {
    assertThat(OomProbe.parse("low 0\nhigh 0\nmax 12\noom 2\noom_kill 2\noom_group_kill 0\n"))
        .isEqualTo(2);
  }

  @Test
  void parse_absentOrGarbled_minusOne() {
    assertThat(OomProbe.parse("")).isEqualTo(-1);
    assertThat(OomProbe.parse("oom_kill lots")).isEqualTo(-1);
  }

  @Test
  void execResult_sixArguments_notOomKilled() {
    ExecResult r = new ExecResult(137, "", "", 1, false, false);
    assertThat(r.oomKilled()).isFalse();
    assertThat(r.withOomKilled().oomKilled()).isTrue();
    assertThat(r.withOomKilled().exitCode()).isEqualTo(137);
  }
}
