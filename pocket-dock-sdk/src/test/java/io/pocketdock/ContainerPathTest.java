package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerPathTest {

  @ParameterizedTest
  @CsvSource({
    "/a/b, /a/b",
    "/a//b/, /a/b",
    "x.txt, /home/sandbox/x.txt",
    "., /home/sandbox",
    "../../../.., /",
    "/a/./b/../c, /a/c",
    "/, /"
  })
  void of_variousPaths_normalizedAgainstWorkdir(String in, String expected) {
    assertThat(ContainerPath.of("op", in, "/home/sandbox").value()).isEqualTo(expected);
  }

  @Test
  void of_emptyOrNul_invalidArgument() {
    assertThatThrownBy(() -> ContainerPath.of("op", "", "/")).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> ContainerPath.of("op", "a\0b", "/")).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void parentNameChild_navigate() {
    ContainerPath p = ContainerPath.of("op", "/a/b", "/");
    assertThat(p.name()).isEqualTo("b");
    assertThat(p.parent().value()).isEqualTo("/a");
    assertThat(p.parent().parent().isRoot()).isTrue();
    assertThat(p.parent().parent().child("z").value()).isEqualTo("/z");
  }

  @Test
  void owner_resolve_namesNumbersAndFallbacks() {
    byte[] passwd = "root:x:0:0::/root:/bin/sh\nsandbox:x:1000:1000::/home/sandbox:/bin/bash\n".getBytes();
    byte[] group = "root:x:0:\nsandbox:x:1000:\nstaff:x:50:\n".getBytes();
    assertThat(ContainerOwner.resolve("sandbox", passwd, group)).isEqualTo(ContainerOwner.SANDBOX);
    assertThat(ContainerOwner.resolve("1000", passwd, group)).isEqualTo(ContainerOwner.SANDBOX);
    assertThat(ContainerOwner.resolve("sandbox:staff", passwd, group))
        .isEqualTo(new ContainerOwner(1000, 50, "sandbox", "staff"));
    assertThat(ContainerOwner.resolve("4242:77", passwd, group)).isEqualTo(new ContainerOwner(4242, 77, "", ""));
    assertThat(ContainerOwner.resolve("", passwd, group)).isEqualTo(ContainerOwner.ROOT);
    assertThat(ContainerOwner.resolve("ghost", new byte[0], new byte[0])).isEqualTo(ContainerOwner.SANDBOX);
  }

  @Test
  void textChunks_splitMultibyte_neverGarbles() {
    byte[] all = "aé€😀z".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int cut = 0; cut <= all.length; cut++) {
      TextChunks t = new TextChunks();
      String s = t.decode(all, 0, cut) + t.decode(all, cut, all.length - cut);
      assertThat(s).as("cut %d", cut).isEqualTo("aé€😀z");
    }
  }
}
