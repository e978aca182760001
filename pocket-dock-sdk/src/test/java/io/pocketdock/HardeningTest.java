package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonObjectBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HardeningTest {

  @Test
  void defaults_imageUserNoNewPrivilegesNoCapabilitiesWritableRoot() {
    Hardening h = ContainerSpec.builder().build().hardening();
    assertThat(h).isEqualTo(Hardening.defaults());
    assertThat(h.user()).isNull();
    assertThat(h.noNewPrivileges()).isTrue();
    assertThat(h.dropAllCapabilities()).isTrue();
    assertThat(h.capabilities()).isEmpty();
    assertThat(h.readOnlyRootfs()).isFalse();
  }

  @Test
  void capabilities_normalizedSortedDistinct() {
    Hardening h = Hardening.defaults().withCapabilities(List.of("cap_kill", "CHOWN", "KILL"));
    assertThat(h.capabilities()).containsExactly("CHOWN", "KILL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ALL", "CAP_", "kill me", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"})
  void capabilities_invalid_invalidArgument(String bad) {
    assertThatThrownBy(() -> Hardening.defaults().withCapabilities(List.of(bad)))
        .isInstanceOf(InvalidArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "root;id", "1000:", ":1000", "../x"})
  void user_invalid_invalidArgument(String bad) {
    assertThatThrownBy(() -> ContainerSpec.builder().user(bad))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("invalid user");
  }

  @Test
  void builder_readOnlyRootfsAndUser_keepOtherSettings() {
    ContainerSpec spec = ContainerSpec.builder().readOnlyRootfs(true).user("1000:1000").build();
    assertThat(spec.hardening())
        .isEqualTo(Hardening.defaults().withReadOnlyRootfs(true).withUser("1000:1000"));
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
  }

  @Test
  void apply_defaults_dropsAllAndSetsNoNewPrivileges() {
    JsonObjectBuilder body = JsonObject.builder();
    JsonObjectBuilder host = JsonObject.builder();
    HardeningConfig.apply(Hardening.defaults(), false, body, host);
    assertThat(Json.write(body.build())).isEqualTo("{}");
    assertThat(Json.write(host.build()))
        .isEqualTo("{\"SecurityOpt\":[\"no-new-privileges\"],\"CapDrop\":[\"ALL\"],\"CapAdd\":[]}");
  }

  @Test
  void apply_readOnlyRootfs_tmpfsHomeOwnedPerEngine() {
    Hardening h = Hardening.defaults().withReadOnlyRootfs(true).withUser("sandbox");
    JsonObjectBuilder dockerHost = JsonObject.builder();
    JsonObjectBuilder podmanHost = JsonObject.builder();
    JsonObjectBuilder body = JsonObject.builder();
    HardeningConfig.apply(h, false, body, dockerHost);
    HardeningConfig.apply(h, true, JsonObject.builder(), podmanHost);
    assertThat(body.build().string("User", "")).isEqualTo("sandbox");
    JsonObject docker = dockerHost.build();
    assertThat(docker.bool("ReadonlyRootfs", false)).isTrue();
    assertThat(docker.object("Tmpfs").string("/home/sandbox", "")).contains("uid=1000,gid=1000");
    assertThat(docker.object("Tmpfs").string("/tmp", "")).contains("mode=1777");
    assertThat(podmanHost.build().object("Tmpfs").string("/home/sandbox", "")).endsWith(",U");
  }

  @Test
  void protections_podmanInspect_boundingSetFromDockerDefaults() {
    // Podman 4.3 reports drops relative to Docker's default list, adds as asked.
    JsonObject inspect =
        (JsonObject)
            Json.parse(
                "{\"Config\":{\"User\":\"sandbox\"},\"HostConfig\":{\"CapDrop\":[\"AUDIT_WRITE\","
                    + "\"MKNOD\",\"NET_RAW\"],\"CapAdd\":[],\"SecurityOpt\":[\"no-new-privileges\"],"
                    + "\"ReadonlyRootfs\":false,\"PidsLimit\":2048,\"NetworkMode\":\"none\",\"Memory\":0}}");
    Protections p = HardeningConfig.protections(inspect);
    assertThat(p.capabilities())
        .containsExactly(
            "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "NET_BIND_SERVICE", "SETFCAP",
            "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    assertThat(p.nonRoot()).isTrue();
    assertThat(p.noNewPrivileges()).isTrue();
    assertThat(p.networkOff()).isTrue();
    assertThat(p.pidsLimit()).isEqualTo(2048);
  }

  @Test
  void protections_dropAllPlusAdds_onlyAdds() {
    JsonObject inspect =
        (JsonObject)
            Json.parse(
                "{\"Config\":{\"User\":\"\"},\"HostConfig\":{\"CapDrop\":[\"ALL\"],\"CapAdd\":[\"CAP_KILL\"],"
                    + "\"SecurityOpt\":null,\"ReadonlyRootfs\":true,\"PidsLimit\":null,\"NetworkMode\":\"bridge\","
                    + "\"Memory\":268435456}}");
    Protections p = HardeningConfig.protections(inspect);
    assertThat(p.capabilities()).containsExactly("KILL");
    assertThat(p.user()).isEqualTo("root");
    assertThat(p.nonRoot()).isFalse();
    assertThat(p.noNewPrivileges()).isFalse();
    assertThat(p.readOnlyRootfs()).isTrue();
    assertThat(p.pidsLimited()).isFalse();
    assertThat(p.networkOff()).isFalse();
    assertThat(p.memoryLimit()).isEqualTo(256L << 20);
    assertThat(HardeningConfig.hardening(inspect))
        .isEqualTo(
            new Hardening(null, false, true, List.of("KILL"), true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "root", "0:0", "root:root", ""})
  void nonRoot_rootSpellings_false(String user) {
    Protections p =
        new Protections(user, true, List.of(), List.of(), List.of(), false, 0, "none", 0, List.of());
    assertThat(p.nonRoot()).isFalse();
  }
}
