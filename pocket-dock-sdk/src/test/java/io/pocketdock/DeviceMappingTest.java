package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceMappingTest {

  @Test
  void parse_forms_defaultsContainerPathAndPermissions() {
    assertThat(DeviceMapping.parse("/dev/fuse")).isEqualTo(new DeviceMapping("/dev/fuse", "/dev/fuse", "rwm"));
    assertThat(DeviceMapping.parse("/dev/zero:/dev/z")).isEqualTo(new DeviceMapping("/dev/zero", "/dev/z", "rwm"));
    assertThat(DeviceMapping.parse("/dev/ttyUSB0:/dev/ttyUSB0:rw"))
        .isEqualTo(new DeviceMapping("/dev/ttyUSB0", "/dev/ttyUSB0", "rw"));
  }

  @Test
  void parse_malformed_invalidArgumentWithHint() {
    for (String bad : List.of("", "dev/zero", "/dev/zero:", "/dev/zero:z", "/dev/zero:/z:rr", "/dev/zero:/z:x", "/a:/b:r:w", "/dev/ zero")) {
      assertThatThrownBy(() -> DeviceMapping.parse(bad))
          .as(bad)
          .isInstanceOf(InvalidArgumentException.class)
          .satisfies(e -> assertThat(((InvalidArgumentException) e).hint()).isPresent());
    }
  }

  @Test
  void containerSpec_devices_validatedAndCopied() {
    assertThat(ContainerSpec.builder().devices(List.of("/dev/null:/dev/pd-null:r")).build().devices())
        .containsExactly("/dev/null:/dev/pd-null:r");
    assertThatThrownBy(() -> ContainerSpec.builder().devices(List.of("nope")).build())
        .isInstanceOf(InvalidArgumentException.class);
  }
}
