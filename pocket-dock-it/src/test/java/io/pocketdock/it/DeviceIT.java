package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Container;
import io.pocketdock.InvalidArgumentException;
import java.util.List;

/** Device passthrough with a harmless host device. */
class DeviceIT {

  @EngineTest
  void create_withDevice_visibleInsideUnderItsNewName(TestEngine engine) {
    try (Container box =
        engine.dock().create(engine.spec().devices(List.of("/dev/zero:/dev/pd-zero:r")).build())) {
      assertThat(box.run("test -c /dev/pd-zero && head -c 4 /dev/pd-zero | od -An -tx1").stdout())
          .isEqualTo(" 00 00 00 00\n");
      assertThat(box.spec().devices()).containsExactly("/dev/zero:/dev/pd-zero:r");
    }
  }

  @EngineTest
  void create_withoutDevice_notThere(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      assertThat(box.run("test -e /dev/pd-zero").exitCode()).isEqualTo(1);
    }
  }

  @EngineTest
  void create_malformedDevice_invalidArgumentBeforeEngine(TestEngine engine) {
    assertThatThrownBy(() -> engine.spec().devices(List.of("dev/zero")).build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("dev/zero");
    assertThatThrownBy(() -> engine.spec().devices(List.of("/dev/zero:/dev/z:rx")).build())
        .isInstanceOf(InvalidArgumentException.class);
  }
}
