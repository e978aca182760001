package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.Container;

/** Network defaults: minimal has no interface but loopback unless a network is asked for. */
class NetworkIT {

  @EngineTest
  void create_minimalByDefault_onlyLoopback(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      assertThat(box.run("ls /sys/class/net").stdout()).isEqualTo("lo\n");
      assertThat(box.run("cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '").stdout())
          .isEqualTo("lo\n");
      assertThat(box.info().network()).isFalse();
    }
  }

  @EngineTest
  void create_minimalProfileNoImage_defaultsOffEvenByProfileName(TestEngine engine) {
    try (Container box =
        engine.dock().create(engine.spec().image(null).profile("minimal").build())) {
      assertThat(box.run("ls /sys/class/net").stdout()).isEqualTo("lo\n");
    }
  }

  @EngineTest
  void create_networkAsked_hasAnInterfaceBesideLoopback(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().network(true).build())) {
      assertThat(box.run("ls /sys/class/net").stdout()).contains("lo\n").isNotEqualTo("lo\n");
      assertThat(box.info().network()).isTrue();
    }
  }
}
