package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;

class HelperBinaryTest {

  @Test
  void bundled_x86_64Build_isNamedByItsHashInARootOwnedDirectory() {
    assumeThat(System.getProperty("os.arch")).isIn("amd64", "x86_64");
    HelperBinary helper = HelperBinary.bundled().orElseThrow();
    assertThat(helper.path()).matches("/\\.pocket-dock/pocket-dock-fast-exec-[0-9a-f]{16}");
    assertThat(helper.size()).isPositive();
    assertThat(HelperBinary.bundled()).containsSame(helper);
  }

  @Test
  void runsOn_onlyAmd64Images() {
    assertThat(HelperBinary.runsOn("amd64")).isTrue();
    assertThat(HelperBinary.runsOn("x86_64")).isTrue();
    assertThat(HelperBinary.runsOn("arm64")).isFalse();
    assertThat(HelperBinary.runsOn("386")).isFalse();
    assertThat(HelperBinary.runsOn("")).isFalse();
  }
}
