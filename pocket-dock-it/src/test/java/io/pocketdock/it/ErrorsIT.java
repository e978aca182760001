package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Container;
import io.pocketdock.ContainerGoneException;
import io.pocketdock.ContainerNotRunningException;
import io.pocketdock.ContainerSpec;
import io.pocketdock.EngineConnectionException;
import io.pocketdock.ImageNotFoundException;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.NameConflictException;
import io.pocketdock.PocketDock;
import io.pocketdock.internal.engine.EngineClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Bad input gets a typed error, a clear message, and leaves no container behind. */
class ErrorsIT {

  @EngineTest
  void create_unknownImage_imageNotFoundAndNothingLeft(TestEngine engine) throws IOException {
    String name = "pd-it-noimage-" + TestEngine.RUN_ID.substring(0, 8);
    assertThatThrownBy(
            () ->
                engine
                    .dock()
                    .create(engine.spec().image("localhost/pocket-dock/does-not-exist:1").name(name).build()))
        .isInstanceOf(ImageNotFoundException.class)
        .hasMessageContaining("does-not-exist")
        .satisfies(e -> assertThat(((ImageNotFoundException) e).hint()).isPresent());
    assertThat(countNamed(engine, name)).isZero();
  }

  @EngineTest
  void create_unknownProfile_hintsAtBuild(TestEngine engine) {
    assertThatThrownBy(
            () ->
                engine
                    .dock()
                    .create(
                        ContainerSpec.builder()
                            .profile("nosuchprofile")
                            .labels(java.util.Map.of(TestEngine.RUN_LABEL, TestEngine.RUN_ID))
                            .build()))
        .isInstanceOf(ImageNotFoundException.class)
        .satisfies(
            e ->
                assertThat(((ImageNotFoundException) e).hint().orElseThrow())
                    .contains("pocket-dock build nosuchprofile"));
  }

  @EngineTest
  void create_malformedMemory_invalidArgumentBeforeEngine(TestEngine engine) {
    assertThatThrownBy(() -> engine.spec().memoryLimit("lots"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("lots");
    assertThatThrownBy(() -> engine.spec().memoryLimit("1k").build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("minimum");
  }

  @EngineTest
  void create_invalidName_invalidArgument(TestEngine engine) {
    assertThatThrownBy(() -> engine.spec().name("bad name/../x").build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("invalid container name");
  }

  @EngineTest
  void create_duplicateName_nameConflictAndFirstUntouched(TestEngine engine) throws IOException {
    String name = "pd-it-dup-" + TestEngine.RUN_ID.substring(0, 8);
    try (Container first = engine.dock().create(engine.spec().name(name).build())) {
      assertThatThrownBy(() -> engine.dock().create(engine.spec().name(name).build()))
          .isInstanceOf(NameConflictException.class)
          .hasMessageContaining(name);
      assertThat(first.run("echo alive").stdout()).isEqualTo("alive\n");
      assertThat(countNamed(engine, name)).isEqualTo(1);
    }
  }

  @EngineTest
  void connect_missingSocket_engineConnectionErrorWithHint(TestEngine engine) {
    assertThatThrownBy(() -> PocketDock.builder().socket(Path.of("/nonexistent/pd.sock")).build())
        .isInstanceOf(EngineConnectionException.class)
        .hasMessageContaining("/nonexistent/pd.sock")
        .satisfies(e -> assertThat(((EngineConnectionException) e).hint()).isPresent());
  }

  @EngineTest
  void run_onStoppedContainer_containerNotRunning(TestEngine engine) throws IOException {
    Container box = engine.dock().create(engine.spec().persist(true).build());
    try {
      box.shutdown();
      assertThatThrownBy(() -> box.run("true"))
          .isInstanceOf(ContainerNotRunningException.class)
          .hasMessageContaining(box.name());
    } finally {
      try (EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
        raw.removeContainer(box.id(), true);
      }
    }
  }

  @EngineTest
  void run_afterShutdown_containerGone(TestEngine engine) {
    Container box = engine.dock().create(engine.spec().build());
    box.shutdown();
    assertThatThrownBy(() -> box.run("true")).isInstanceOf(ContainerGoneException.class);
  }

  @EngineTest
  void run_containerRemovedFromOutside_containerGone(TestEngine engine) throws IOException {
    try (Container box = engine.dock().create(engine.spec().build());
        EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      raw.removeContainer(box.id(), true);
      assertThatThrownBy(() -> box.run("true"))
          .isInstanceOf(ContainerGoneException.class)
          .hasMessageContaining(box.name());
      assertThatThrownBy(box::info).isInstanceOf(ContainerGoneException.class);
    }
  }

  private static long countNamed(TestEngine engine, String name) throws IOException {
    try (EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      return raw.listContainers(List.of(TestEngine.RUN_LABEL + "=" + TestEngine.RUN_ID)).stream()
          .filter(c -> c.array("Names").toString().contains(name))
          .count();
    }
  }
}
