package io.pocketdock.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxPathTest {

  @Test
  void resolve_relativePath_isUnderTheWorkingDirectory() {
    assertThat(Sandbox.resolve("dir/sub/note.txt", "/home/sandbox")).isEqualTo("/home/sandbox/dir/sub/note.txt");
    assertThat(Sandbox.resolve(".", "/home/sandbox")).isEqualTo("/home/sandbox");
  }

  @Test
  void resolve_dotsAndDoubleSlashes_areNormalizedAndNeverClimbAboveRoot() {
    assertThat(Sandbox.resolve("/a//b/./c/../d/", "/")).isEqualTo("/a/b/d");
    assertThat(Sandbox.resolve("../../../etc/passwd", "/home/sandbox")).isEqualTo("/etc/passwd");
    assertThat(Sandbox.resolve("/..", "/")).isEqualTo("/");
  }
}
