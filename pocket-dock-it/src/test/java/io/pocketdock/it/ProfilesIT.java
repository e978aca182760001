package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.BuildOptions;
import io.pocketdock.BuildResult;
import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.EngineInfo;
import io.pocketdock.ExecResult;
import io.pocketdock.PocketDock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The larger profiles, built through the SDK and smoke-tested on Podman only (the issue asks for
 * every profile on at least Podman; minimal runs on both engines everywhere else). A build whose
 * inputs are unchanged returns the existing image, so after the first run this costs seconds. Fails,
 * never skips, when Podman is missing.
 */
@Tag("engine")
@ExtendWith(EngineExtension.class)
class ProfilesIT {
  private static PocketDock podman;

  @BeforeAll
  static void connect() {
    podman = PocketDock.builder().socket(TestEngine.socketOf(EngineInfo.Kind.PODMAN)).build();
    assertThat(podman.engine().kind()).isEqualTo(EngineInfo.Kind.PODMAN);
  }

  @AfterAll
  static void close() {
    podman.close();
  }

  private static Container sandbox(String profile) {
    BuildResult built =
        podman.build(
            profile,
            BuildOptions.defaults()
                .withProgress(p -> System.out.println("[" + profile + "] " + p)));
    System.out.printf(
        "profile %s: %s in %d ms (reused %s), %s%n",
        profile, built.imageId(), built.duration().toMillis(), built.reused(),
        podman.profile(profile).size().orElseThrow());
    return podman.create(
        ContainerSpec.builder()
            .profile(profile)
            .labels(Map.of(TestEngine.RUN_LABEL, TestEngine.RUN_ID))
            .build());
  }

  private static String ok(Container box, String command) {
    ExecResult r = box.run(command);
    assertThat(r.exitCode()).as("%s%n%s%n%s", command, r.stdout(), r.stderr()).isZero();
    return r.stdout();
  }

  @Test
  void dev_gitAndCCompile_workWithNetworkOnByDefault() {
    try (Container box = sandbox("dev")) {
      assertThat(ok(box, "git --version")).startsWith("git version");
      assertThat(
              ok(
                  box,
                  "printf '#include <stdio.h>\\nint main(void){puts(\"compiled\");return 0;}\\n' > t.c"
                      + " && gcc -O2 t.c -o t && ./t && g++ --version >/dev/null && make --version"
                      + " >/dev/null && jq --version >/dev/null && curl --version >/dev/null"
                      + " && vim --version >/dev/null && nano --version >/dev/null && echo tools"))
          .isEqualTo("compiled\ntools\n");
      assertThat(ok(box, "ls /sys/class/net")).isNotEqualTo("lo\n");
      assertThat(box.info().network()).isTrue();
    }
  }

  @Test
  void agent_importsDataLibraries_withNetworkOffByDefault() {
    try (Container box = sandbox("agent")) {
      assertThat(
              ok(
                  box,
                  "python3 -c 'import pandas, numpy, bs4, PIL, requests, httpx, lxml, yaml;"
                      + " print(int(pandas.DataFrame({\"a\": numpy.arange(4)}).a.sum()),"
                      + " bs4.BeautifulSoup(\"<p>hi</p>\", \"lxml\").p.text)'"))
          .isEqualTo("6 hi\n");
      assertThat(ok(box, "ls /sys/class/net")).isEqualTo("lo\n");
    }
  }

  @Test
  void embedded_armCrossCompileAndCmake_work() {
    try (Container box = sandbox("embedded")) {
      ok(box, "printf 'int add(int a, int b) { return a + b; }\\nint main(void) { return add(1, 2); }\\n' > m.c");
      assertThat(
              ok(
                  box,
                  "arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb --specs=nosys.specs m.c -o m.elf"
                      + " && arm-none-eabi-readelf -h m.elf | grep Machine"))
          .contains("ARM");
      ok(box, "mkdir -p cm && cp m.c cm/ && printf 'cmake_minimum_required(VERSION 3.13)\\nproject(t C)\\nadd_executable(t m.c)\\n' > cm/CMakeLists.txt");
      assertThat(ok(box, "cmake -S cm -B cm/build -G Ninja >/dev/null && cmake --build cm/build >/dev/null; ./cm/build/t; echo $?"))
          .isEqualTo("3\n");
      assertThat(ok(box, "gdb --version | head -1; valgrind --version")).contains("GNU gdb").contains("valgrind");
    }
  }

  @Test
  void node_runsAScriptAndHasNpm() {
    try (Container box = sandbox("node")) {
      ok(box, "printf 'const xs = [1, 2, 3];\\nconsole.log(xs.map(x => x * 14).join(\",\"));\\n' > s.js");
      assertThat(ok(box, "node s.js")).isEqualTo("14,28,42\n");
      assertThat(ok(box, "npm --version")).matches("\\d+\\.\\d+\\.\\d+\\n");
    }
  }
}
