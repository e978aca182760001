package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExecOptionsTest {

  @Test
  void defaults_noTimeoutTenMiBOutputOneMiBBuffer() {
    ExecOptions o = ExecOptions.defaults();
    assertThat(o.timeout()).isNull();
    assertThat(o.maxOutput()).isEqualTo(10L << 20);
    assertThat(o.bufferSize()).isEqualTo(1 << 20);
  }

  @Test
  void withers_keepEveryOtherField() {
    ExecOptions o =
        ExecOptions.defaults()
            .withBufferSize(4096)
            .withTimeout(Duration.ofSeconds(2))
            .withEnv("A", "1")
            .withUser("0")
            .withWorkdir("/tmp")
            .withMaxOutput(10);
    assertThat(o)
        .isEqualTo(new ExecOptions(Duration.ofSeconds(2), 10, "/tmp", java.util.Map.of("A", "1"), "0", 4096));
  }

  @Test
  void withBufferSize_belowFourBytes_invalidArgument() {
    assertThatThrownBy(() -> ExecOptions.defaults().withBufferSize(3))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("bufferSize");
  }
}
