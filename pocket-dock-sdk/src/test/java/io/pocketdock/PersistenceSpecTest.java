package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PersistenceSpecTest {

  @Test
  void portMapping_parse_defaultsToLoopbackTcp() {
    assertThat(PortMapping.parse("8080:80")).isEqualTo(PortMapping.of(8080, 80));
    assertThat(PortMapping.of(8080, 80).hostIp()).isEqualTo("127.0.0.1");
    assertThat(PortMapping.parse("0.0.0.0:53:5353/udp"))
        .isEqualTo(new PortMapping(53, 5353, "udp", "0.0.0.0"));
    assertThat(PortMapping.parse("[::1]:8080:80").hostIp()).isEqualTo("::1");
    assertThat(PortMapping.of(1, 2).onAllInterfaces().hostIp()).isEqualTo("0.0.0.0");
    PortMapping p = PortMapping.parse("0.0.0.0:53:5353/udp");
    assertThat(PortMapping.parse(p.toString())).isEqualTo(p);
  }

  @Test
  void portMapping_badValues_rejected() {
    for (String bad : new String[] {"80", "0:80", "70000:80", "80:0", "a:b", "1:2/sctp", "99999999999:1"}) {
      assertThatThrownBy(() -> PortMapping.parse(bad)).as(bad).isInstanceOf(InvalidArgumentException.class);
    }
  }

  @Test
  void volumeMount_parse_readOnlyAndAbsolute() {
    VolumeMount v = VolumeMount.parse("data:/data:ro");
    assertThat(v.readOnly()).isTrue();
    assertThat(v.host()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(VolumeMount.parse(v.toString())).isEqualTo(v);
    assertThat(VolumeMount.parse("/x:/y").readOnly()).isFalse();
    for (String bad : new String[] {"/x", "/x:y", "/x:/y:rx", ":/y", "/x:/", "/x:/y:ro:z"}) {
      assertThatThrownBy(() -> VolumeMount.parse(bad)).as(bad).isInstanceOf(InvalidArgumentException.class);
    }
  }

  @Test
  void spec_portsWithNetworkOff_rejected() {
    assertThatThrownBy(
            () -> ContainerSpec.builder().network(false).port(PortMapping.of(8080, 80)).build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("network");
  }

  @Test
  void spec_duplicateHostPortOrMountTarget_rejected() {
    assertThatThrownBy(
            () -> ContainerSpec.builder().port(PortMapping.of(8080, 80)).port(PortMapping.of(8080, 81)).build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(
            () ->
                ContainerSpec.builder()
                    .volume(VolumeMount.of(Path.of("/a"), "/d"))
                    .volume(VolumeMount.of(Path.of("/b"), "/d"))
                    .build())
        .isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ContainerSpec.builder().project("no spaces").build())
        .isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void snapshots_qualify_shortNamesGetLocalhost() {
    assertThat(Snapshots.qualify("snap")).containsExactly("localhost/snap", "latest");
    assertThat(Snapshots.qualify("team/snap:v2")).containsExactly("localhost/team/snap", "v2");
    assertThat(Snapshots.qualify("localhost/x/y:1")).containsExactly("localhost/x/y", "1");
    assertThat(Snapshots.qualify("registry.example:5000/x")).containsExactly("registry.example:5000/x", "latest");
    for (String bad : new String[] {"Upper", "a b", "x:", "x:bad tag", ""}) {
      assertThatThrownBy(() -> Snapshots.qualify(bad)).as(bad).isInstanceOf(InvalidArgumentException.class);
    }
  }

  @Test
  void labels_alwaysCarryPortsVolumesProject_soSnapshotLabelsNeverLeak() {
    var labels = Labels.forSpec(ContainerSpec.builder().port(PortMapping.of(8080, 80)).build(), "h");
    assertThat(labels)
        .containsEntry(Labels.PROJECT, "")
        .containsEntry(Labels.VOLUMES, "[]")
        .containsEntry(Labels.PORTS, "[\"127.0.0.1:8080:80/tcp\"]");
    assertThat(Labels.strings(labels, Labels.PORTS)).containsExactly("127.0.0.1:8080:80/tcp");
  }
}
