package io.pocketdock.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.cli.CliException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupScriptTest {
  @TempDir Path repo;

  @Test
  void locate_fromTheJarInsideACheckout() throws IOException {
    Path script = write("echo hi");
    Path jar = repo.resolve("pocket-dock-cli/target/pocket-dock.jar");
    assertThat(SetupScript.locate(Map.of(), jar)).map(SetupScript::path).contains(script);
  }

  @Test
  void locate_pocketDockHomeWins() throws IOException {
    Path script = write("echo hi");
    Path elsewhere = Path.of("/nonexistent/pocket-dock-cli/target/pocket-dock.jar");
    assertThat(SetupScript.locate(Map.of("POCKET_DOCK_HOME", repo.toString()), elsewhere))
        .map(SetupScript::path)
        .contains(script);
  }

  @Test
  void locate_outsideACheckout_findsNothing() {
    assertThat(SetupScript.locate(Map.of(), repo.resolve("a/b/c.jar"))).isEmpty();
    assertThat(SetupScript.locate(Map.of(), null)).isEmpty();
  }

  @Test
  void run_streamsOutputAndStderr() throws IOException {
    write("echo one; echo two >&2; pwd");
    StringWriter out = new StringWriter();
    SetupScript.locate(Map.of("POCKET_DOCK_HOME", repo.toString()), null).orElseThrow().run(new PrintWriter(out));
    assertThat(out.toString().lines()).containsExactly("  | one", "  | two", "  | " + repo.toRealPath());
  }

  @Test
  void run_failure_isACliErrorWithTheExitCode() throws IOException {
    write("exit 3");
    SetupScript s = SetupScript.locate(Map.of("POCKET_DOCK_HOME", repo.toString()), null).orElseThrow();
    assertThatThrownBy(() -> s.run(new PrintWriter(new StringWriter())))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("exit code 3");
  }

  private Path write(String body) throws IOException {
    Path s = repo.resolve(SetupScript.RELATIVE);
    Files.createDirectories(s.getParent());
    Files.writeString(s, "#!/usr/bin/env bash\n" + body + "\n");
    return s;
  }
}
