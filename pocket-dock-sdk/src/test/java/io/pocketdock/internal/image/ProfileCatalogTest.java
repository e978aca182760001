package io.pocketdock.internal.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCatalogTest {
  @TempDir Path root;

  @Test
  void builtins_everyDockerfileShipsAndSaysItsProfileAndNetworkMatchesTheIssue() throws IOException {
    assertThat(ProfileCatalog.builtins()).extracting(ProfileDefinition::name)
        .containsExactly("minimal", "dev", "agent", "embedded", "node");
    for (ProfileDefinition p : ProfileCatalog.builtins()) {
      String text = new String(ProfileDefinition.builtinDockerfile(p.name()), StandardCharsets.UTF_8);
      assertThat(text).contains("LABEL io.pocketdock.profile=" + p.name())
          .contains("ARG BASE_IMAGE=localhost/pocket-dock/base:bookworm")
          .contains("USER sandbox");
      assertThat(p.image()).isEqualTo("localhost/pocket-dock/" + p.name() + ":latest");
    }
    assertThat(ProfileCatalog.builtins()).filteredOn(ProfileDefinition::networkDefault)
        .extracting(ProfileDefinition::name).containsExactly("dev", "embedded", "node");
    assertThat(ProfileDefinition.builtinDockerfile("base")).isNotEmpty(); // the online base
  }

  @Test
  void all_projectProfiles_appendedWithDescriptionAndNetworkLabel() throws Exception {
    write("zeta", "# Zeta tools\nFROM scratch\nLABEL io.pocketdock.network=on\n");
    write("alpha", "FROM scratch\n");
    Files.createDirectories(root.resolve(".pocket-dock/profiles/empty-dir"));
    List<ProfileDefinition> all = ProfileCatalog.all(root);
    assertThat(all).extracting(ProfileDefinition::name)
        .containsExactly("minimal", "dev", "agent", "embedded", "node", "alpha", "zeta");
    ProfileDefinition zeta = all.get(6);
    assertThat(zeta.builtin()).isFalse();
    assertThat(zeta.networkDefault()).isTrue();
    assertThat(zeta.description()).isEqualTo("Zeta tools");
    assertThat(all.get(5).networkDefault()).isFalse();
    assertThat(all.get(5).description()).isEqualTo("project profile");
  }

  @Test
  void all_projectProfileNamedLikeBuiltinOrInvalid_refused() throws Exception {
    write("dev", "FROM scratch\n");
    assertThatThrownBy(() -> ProfileCatalog.all(root))
        .isInstanceOf(ProfileCatalog.InvalidProfileException.class)
        .hasMessageContaining("built-in");
    Files.delete(root.resolve(".pocket-dock/profiles/dev/Dockerfile"));
    write("Bad Name", "FROM scratch\n");
    assertThatThrownBy(() -> ProfileCatalog.all(root))
        .isInstanceOf(ProfileCatalog.InvalidProfileException.class)
        .hasMessageContaining("Bad Name");
  }

  @Test
  void inputsHash_changesWithContentBaseAndArgsOnly() throws Exception {
    write("p", "FROM scratch\n");
    ProfileDefinition p = ProfileCatalog.all(root).get(5);
    String h = InputsHash.of("sha256:1", p.files(), Map.of("A", "1"));
    assertThat(InputsHash.of("sha256:1", p.files(), Map.of("A", "1"))).isEqualTo(h);
    assertThat(InputsHash.of("sha256:2", p.files(), Map.of("A", "1"))).isNotEqualTo(h);
    assertThat(InputsHash.of("sha256:1", p.files(), Map.of("A", "2"))).isNotEqualTo(h);
    write("p", "FROM scratch\nRUN true\n");
    assertThat(InputsHash.of("sha256:1", p.files(), Map.of("A", "1"))).isNotEqualTo(h);
  }

  @Test
  void writeContext_projectDirectory_tarsEveryFile() throws Exception {
    write("p", "FROM scratch\nCOPY data /data\n");
    Files.writeString(root.resolve(".pocket-dock/profiles/p/data"), "x");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProfileCatalog.all(root).get(5).writeContext(out);
    String tar = out.toString(StandardCharsets.ISO_8859_1);
    assertThat(tar).contains("Dockerfile").contains("data");
    assertThat(out.size() % 512).isZero();
  }

  @Test
  void mirrorLines_hostSources_suiteMainUpdatesSecuritySortedWithoutSlash() {
    String out =
        "deb http://deb.debian.org/debian-security/ bookworm-security main\n"
            + "deb http://deb.debian.org/debian/ bookworm main\n"
            + "deb http://deb.debian.org/debian/ bookworm main\n"
            + "deb http://deb.debian.org/debian/ bookworm contrib\n"
            + "deb-src http://deb.debian.org/debian/ bookworm main\n"
            + "deb http://deb.debian.org/debian/ bookworm-updates main\n";
    assertThat(BaseRootfs.mirrorLines(out))
        .containsExactly(
            "deb http://deb.debian.org/debian bookworm main",
            "deb http://deb.debian.org/debian bookworm-updates main",
            "deb http://deb.debian.org/debian-security bookworm-security main");
    assertThat(BaseRootfs.mirrorLines("")).containsExactly("deb http://deb.debian.org/debian bookworm main");
  }

  private void write(String name, String dockerfile) throws IOException {
    Path dir = root.resolve(".pocket-dock/profiles").resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Dockerfile"), dockerfile);
  }
}
