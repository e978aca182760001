package io.pocketdock.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiVersionTest {
  @Test
  void negotiate_withinRange_usesEngineMaximum() {
    assertThat(ApiVersion.negotiate("1.41")).contains("1.41");
    assertThat(ApiVersion.negotiate("1.43")).contains("1.43");
  }

  @Test
  void negotiate_newerEngine_capsAtNewestKnown() {
    assertThat(ApiVersion.negotiate("1.52")).contains(ApiVersion.NEWEST);
  }

  @Test
  void negotiate_olderEngine_refuses() {
    assertThat(ApiVersion.negotiate("1.39")).isEmpty();
    assertThat(ApiVersion.negotiate("1.24")).isEmpty();
  }

  @Test
  void compare_numericNotLexical() {
    assertThat(ApiVersion.compare("1.9", "1.41")).isNegative();
    assertThat(ApiVersion.compare("1.41", "1.41.0")).isZero();
    assertThat(ApiVersion.compare("2.0", "1.99")).isPositive();
  }

  @Test
  void serverVersion_fromServerHeader() {
    assertThat(EngineProbe.serverVersion("Docker/20.10.24+dfsg1 (linux)")).contains("20.10.24+dfsg1");
    assertThat(EngineProbe.serverVersion("Libpod/4.3.1 (linux)")).contains("4.3.1");
    assertThat(EngineProbe.serverVersion("nginx")).isEmpty();
  }
}
