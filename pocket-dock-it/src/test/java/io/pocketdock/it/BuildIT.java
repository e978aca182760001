package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.BuildOptions;
import io.pocketdock.BuildProgress;
import io.pocketdock.BuildResult;
import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.ImageBuildException;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;

/** Builds through the engine's build API: progress, failures, the cache, cancel, the profile list. */
class BuildIT {
  private static final Path IMAGES = Path.of(System.getProperty("user.dir")).resolveSibling("images");

  @TempDir Path project;

  @EngineTest
  void build_failingStep_reportsTheStepAndItsOutput(TestEngine engine) throws Exception {
    String name = TestProfiles.name("fail");
    TestProfiles.write(
        project, name,
        "FROM localhost/pocket-dock/test-busybox:latest\n"
            + "RUN echo preparing\n"
            + "RUN echo about-to-fail && false\n");
    try {
      assertThatThrownBy(
              () -> engine.dock().build(name, BuildOptions.defaults().withProjectRoot(project)))
          .isInstanceOfSatisfying(
              ImageBuildException.class,
              e -> {
                assertThat(e.failedStep()).contains("echo about-to-fail && false");
                assertThat(e.output()).anyMatch(l -> l.contains("about-to-fail"));
                assertThat(e.cancelled()).isFalse();
                assertThat(e.getMessage()).contains(name).contains("false");
              });
      assertThat(TestProfiles.exists(engine.socket(), "localhost/pocket-dock/" + name + ":latest"))
          .isFalse();
    } finally {
      TestProfiles.removeImage(engine.socket(), "localhost/pocket-dock/" + name + ":latest");
    }
  }

  @EngineTest
  void build_unchangedInputs_reusesImageThenEngineCache(TestEngine engine) throws Exception {
    String name = TestProfiles.name("cache");
    String image = "localhost/pocket-dock/" + name + ":latest";
    TestProfiles.write(
        project, name,
        "# a test profile\nFROM localhost/pocket-dock/test-busybox:latest\n"
            + "RUN echo " + name + " > /stamp\nRUN cat /stamp\n");
    List<BuildProgress> progress = new CopyOnWriteArrayList<>();
    BuildOptions options =
        BuildOptions.defaults().withProjectRoot(project).withProgress(progress::add);
    try {
      BuildResult first = engine.dock().build(name, options);
      assertThat(first.reused()).isFalse();
      assertThat(first.image()).isEqualTo(image);
      assertThat(progress)
          .as("progress %s", progress)
          .anySatisfy(p -> {
            assertThat(p.phase()).isEqualTo(BuildProgress.Phase.STEP);
            assertThat(p.line()).contains("RUN echo " + name);
            // Podman counts the build's labels as steps of their own.
            assertThat(p.totalSteps()).isGreaterThanOrEqualTo(3);
          })
          .anySatisfy(p -> assertThat(p.line()).isEqualTo(name));

      BuildResult again = engine.dock().build(name, options);
      assertThat(again.reused()).isTrue();
      assertThat(again.imageId()).isEqualTo(first.imageId());

      BuildResult forced = engine.dock().build(name, options.withForce(true));
      assertThat(forced.reused()).isFalse();
      assertThat(forced.steps()).isGreaterThanOrEqualTo(3);
      assertThat(forced.cachedSteps()).isGreaterThanOrEqualTo(2); // both RUN steps
      Profile p = engine.dock().profile(name, project);
      assertThat(p.builtin()).isFalse();
      assertThat(p.description()).isEqualTo("a test profile");
      assertThat(p.networkDefault()).isFalse();
      assertThat(p.size()).isPresent();
    } finally {
      TestProfiles.removeImage(engine.socket(), image);
    }
  }

  @EngineTest
  void build_interrupted_cancelsPromptlyAndBuildsNothing(TestEngine engine) throws Exception {
    String name = TestProfiles.name("cancel");
    String image = "localhost/pocket-dock/" + name + ":latest";
    TestProfiles.write(
        project, name,
        "FROM localhost/pocket-dock/test-busybox:latest\nRUN echo started-" + name + " && sleep 120\n");
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                engine.dock().build(
                    name,
                    BuildOptions.defaults()
                        .withProjectRoot(project)
                        .withProgress(p -> {
                          if (p.line().startsWith("started-")) {
                            started.countDown();
                          }
                        }));
              } catch (Throwable e) {
                thrown.set(e);
              }
            });
    try {
      t.start();
      assertThat(started.await(60, TimeUnit.SECONDS)).as("the RUN step started").isTrue();
      t.interrupt();
      t.join(TimeUnit.SECONDS.toMillis(15));
      assertThat(t.isAlive()).as("build returned after the interrupt").isFalse();
      assertThat(thrown.get())
          .isInstanceOfSatisfying(ImageBuildException.class, e -> assertThat(e.cancelled()).isTrue());
      assertThat(TestProfiles.exists(engine.socket(), image)).isFalse();
    } finally {
      t.interrupt();
      t.join(30_000);
      TestProfiles.removeImage(engine.socket(), image);
    }
  }

  /** The minimal Dockerfile, built through the SDK under a test name: small, runs, no network. */
  @EngineTest
  void build_minimalDockerfile_under80MbAndRunsPythonAsSandbox(TestEngine engine) throws Exception {
    String name = TestProfiles.name("minimal");
    String image = "localhost/pocket-dock/" + name + ":latest";
    TestProfiles.write(project, name, Files.readString(IMAGES.resolve("minimal/Dockerfile")));
    try {
      engine.dock().build(name, BuildOptions.defaults().withProjectRoot(project));
      Profile p = engine.dock().profile(name, project);
      assertThat(p.size().orElseThrow().bytes()).isLessThan(80_000_000L);
      try (Container box =
          engine.dock().create(
              ContainerSpec.builder()
                  .profile(name)
                  .labels(Map.of(TestEngine.RUN_LABEL, TestEngine.RUN_ID))
                  .build())) {
        assertThat(box.run("id -un; python3 -c 'import json, ssl, sqlite3; print(6*7)'; ls /sys/class/net").stdout())
            .isEqualTo("sandbox\n42\nlo\n");
      }
    } finally {
      TestProfiles.removeImage(engine.socket(), image);
    }
  }

  @EngineTest
  void profiles_builtins_listedWithNetworkDefaultsAndMinimalSize(TestEngine engine) {
    List<Profile> all = engine.dock().profiles();
    assertThat(all).extracting(Profile::name)
        .containsExactly("minimal", "dev", "agent", "embedded", "node");
    assertThat(all).filteredOn(Profile::networkDefault).extracting(Profile::name)
        .containsExactly("dev", "embedded", "node");
    Profile minimal = engine.dock().profile("minimal");
    assertThat(minimal.image()).isEqualTo(TestImages.MINIMAL);
    assertThat(minimal.size()).isPresent();
    assertThat(minimal.dockerfile()).isEqualTo("classpath:io/pocketdock/images/minimal/Dockerfile");
  }

  @EngineTest
  void profile_unknownName_invalidArgumentListingValidOnes(TestEngine engine) {
    assertThatThrownBy(() -> engine.dock().profile("nosuch"))
        .isInstanceOfSatisfying(
            InvalidArgumentException.class,
            e -> assertThat(e.hint().orElseThrow()).contains("minimal, dev, agent, embedded, node"))
        .hasMessageContaining("nosuch");
    assertThatThrownBy(() -> engine.dock().build("nosuch", BuildOptions.defaults()))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @EngineTest
  void profiles_projectProfileWithBuiltinName_invalidArgument(TestEngine engine) throws Exception {
    TestProfiles.write(project, "dev", "FROM scratch\n");
    assertThatThrownBy(() -> engine.dock().profiles(project))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("built-in");
  }
}
