package io.pocketdock.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketDiscoveryTest {
  private static final Path HOME = Path.of("/home/u");

  private static List<String> paths(List<SocketCandidate> c) {
    return c.stream().map(x -> x.path().toString()).toList();
  }

  @Test
  void candidates_nothingSet_defaultOrder() {
    List<SocketCandidate> c =
        SocketDiscovery.candidates(null, null, Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), HOME);
    assertThat(paths(c))
        .containsExactly(
            "/run/user/1000/podman/podman.sock",
            "/run/podman/podman.sock",
            "/var/run/docker.sock",
            "/home/u/.local/share/containers/podman/machine/podman.sock",
            "/home/u/.local/share/containers/podman/machine/qemu/podman.sock",
            "/home/u/.docker/run/docker.sock");
    assertThat(c).noneMatch(SocketCandidate::pinned);
  }

  @Test
  void candidates_explicit_isTheOnlyOneAndPinned() {
    List<SocketCandidate> c =
        SocketDiscovery.candidates(Path.of("/x.sock"), "/p.sock", Map.of("POCKET_DOCK_SOCKET", "/e.sock"), HOME);
    assertThat(paths(c)).containsExactly("/x.sock");
    assertThat(c.get(0).pinned()).isTrue();
  }

  @Test
  void candidates_envBeatsProjectAndAcceptsUnixUrl() {
    assertThat(
            paths(SocketDiscovery.candidates(null, "/p.sock", Map.of("POCKET_DOCK_SOCKET", "unix:///e.sock"), HOME)))
        .containsExactly("/e.sock");
    assertThat(paths(SocketDiscovery.candidates(null, "/p.sock", Map.of(), HOME))).containsExactly("/p.sock");
  }

  @Test
  void candidates_dockerAndContainerHost_onlyUnixSchemesFirst() {
    List<SocketCandidate> c =
        SocketDiscovery.candidates(
            null,
            null,
            Map.of("DOCKER_HOST", "unix:///d.sock", "CONTAINER_HOST", "tcp://1.2.3.4:2375"),
            HOME);
    assertThat(paths(c).get(0)).isEqualTo("/d.sock");
    assertThat(c.get(0).source()).isEqualTo("DOCKER_HOST");
    assertThat(paths(c)).doesNotContain("1.2.3.4:2375");
  }
}
