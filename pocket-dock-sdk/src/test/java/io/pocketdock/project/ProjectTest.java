package io.pocketdock.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.ByteSize;
import io.pocketdock.ConfigException;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.ProjectNotInitializedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTest {
  @TempDir Path dir;

  @Test
  void init_writesCommentedDefaults_thatLoadBack() throws IOException {
    Project p = Project.init(dir, "demo");
    Path file = dir.resolve(".pocket-dock/pocket-dock.yaml");
    String text = Files.readString(file);
    assertThat(text)
        .contains("project_name: \"demo\"", "default_profile: minimal", "default_persist: false")
        .contains("auto_log: true", "max_log_size: 10m", "max_logs_per_instance: 10")
        .contains("retention_days: 30", "socket: \"\"", "log_level: info", "\n# ");
    ProjectConfig loaded = Project.load(dir).config();
    assertThat(loaded).isEqualTo(ProjectConfig.defaults("demo")).isEqualTo(p.config());
    assertThat(loaded.maxLogSize()).isEqualTo(ByteSize.ofMebibytes(10));
    assertThat(loaded.socket()).isNull();
  }

  @Test
  void init_twice_refusedAndFileKept() throws IOException {
    Project.init(dir, "demo");
    Files.writeString(dir.resolve(".pocket-dock/pocket-dock.yaml"), "project_name: edited\n");
    assertThatThrownBy(() -> Project.init(dir, "other")).isInstanceOf(InvalidArgumentException.class);
    assertThat(Project.load(dir).name()).isEqualTo("edited");
  }

  @Test
  void init_invalidName_writesNothing() {
    assertThatThrownBy(() -> Project.init(dir, "bad name/x")).isInstanceOf(InvalidArgumentException.class);
    assertThat(dir.resolve(".pocket-dock")).doesNotExist();
  }

  @Test
  void find_fromNestedDirectory_walksUp() throws IOException {
    Project.init(dir, "demo");
    Path deep = Files.createDirectories(dir.resolve("a/b/c"));
    assertThat(Project.find(deep)).hasValueSatisfying(p -> assertThat(p.root()).isEqualTo(dir.toAbsolutePath()));
  }

  @Test
  void find_noProject_emptyAndRequireThrows() {
    Path sub = dir.resolve("nothing");
    assertThat(Project.find(dir)).isEmpty();
    assertThatThrownBy(() -> Project.require("doctor", sub))
        .isInstanceOf(ProjectNotInitializedException.class)
        .hasMessageContaining(sub.toString());
  }

  @Test
  void load_malformedLine_reportsFileAndLine() throws IOException {
    Path file = dir.resolve(".pocket-dock/pocket-dock.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "# c\nproject_name: demo\n\nauto_log true\n");
    assertThatThrownBy(() -> Project.find(dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.line()).hasValue(4);
              assertThat(e.file()).isEqualTo(file.toAbsolutePath());
              assertThat(e.getMessage()).contains("pocket-dock.yaml:4");
            });
  }

  @Test
  void load_badValue_reportsItsLine() throws IOException {
    Path file = dir.resolve(".pocket-dock/pocket-dock.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "project_name: demo\nmax_log_size: lots\n");
    assertThatThrownBy(() -> Project.load(dir))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).hasValue(2));
    Files.writeString(file, "project_name: demo\nlog_level: loud\n");
    assertThatThrownBy(() -> Project.load(dir))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).hasValue(2));
    Files.writeString(file, "default_persist: true\n");
    assertThatThrownBy(() -> Project.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("project_name is missing");
  }

  @Test
  void load_unknownKey_warnsWithLine() throws IOException {
    Path file = dir.resolve(".pocket-dock/pocket-dock.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "project_name: 'demo'\ncolour: blue\nsocket: /tmp/x.sock\ndefault_persist: yes\n");
    Project p = Project.load(dir);
    assertThat(p.warnings()).singleElement().asString().contains(":2: unknown key 'colour'");
    assertThat(p.config().socket()).isEqualTo("/tmp/x.sock");
    assertThat(p.config().defaultPersist()).isTrue();
  }
}
