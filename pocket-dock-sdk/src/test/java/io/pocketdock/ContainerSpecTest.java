package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerSpecTest {

  @Test
  void builder_defaults_safeValues() {
    ContainerSpec spec = ContainerSpec.builder().build();
    assertThat(spec.profile()).isEqualTo("minimal");
    assertThat(spec.imageReference()).isEqualTo("localhost/pocket-dock/minimal:latest");
    assertThat(spec.execTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(spec.pidsLimit()).isEqualTo(512);
    assertThat(spec.network()).isNull();
    assertThat(spec.persist()).isFalse();
    assertThat(spec.name()).isNull();
    assertThat(spec.command()).containsExactly("sleep", "infinity");
  }

  @Test
  void toBuilder_copiesEveryField() {
    ContainerSpec spec =
        ContainerSpec.builder()
            .image("busybox:1")
            .name("box-1")
            .memoryLimit("1g")
            .cpuPercent(50)
            .persist(true)
            .network(true)
            .labels(Map.of("a", "b"))
            .build();
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
    assertThat(spec.imageReference()).isEqualTo("busybox:1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-lead", "has space", "a/b", "..", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ünï"})
  void build_invalidName_invalidArgument(String name) {
    assertThatThrownBy(() -> ContainerSpec.builder().name(name).build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("invalid container name");
  }

  @Test
  void build_outOfRangeValues_invalidArgument() {
    assertThatThrownBy(() -> ContainerSpec.builder().cpuPercent(0).build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("cpuPercent");
    assertThatThrownBy(() -> ContainerSpec.builder().memoryLimit("1m").build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("minimum");
    assertThatThrownBy(() -> ContainerSpec.builder().execTimeout(Duration.ZERO).build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ContainerSpec.builder().profile("Bad Profile").build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ContainerSpec.builder().image("has space").build())
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void execOptions_invalidValues_invalidArgument() {
    assertThatThrownBy(() -> ExecOptions.defaults().withTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ExecOptions.defaults().withWorkdir("relative"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ExecOptions.defaults().withEnv("1BAD", "x"))
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ExecOptions.defaults().withMaxOutput(-1))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void execResult_ok_onlyForZeroWithinTimeout() {
    assertThat(new ExecResult(0, "", "", 1, false, false).ok()).isTrue();
    assertThat(new ExecResult(1, "", "", 1, false, false).ok()).isFalse();
    assertThat(new ExecResult(0, "", "", 1, true, false).ok()).isFalse();
  }

  @Test
  void exception_messageNamesOperationAndTarget() {
    PocketDockException e = new ContainerNotFoundException("info", "box-9");
    assertThat(e).hasMessage("info [box-9]: no such container");
    assertThat(e.operation()).isEqualTo("info");
    assertThat(e.targetId()).contains("box-9");
    assertThat(e.hint()).isPresent();
  }
}
