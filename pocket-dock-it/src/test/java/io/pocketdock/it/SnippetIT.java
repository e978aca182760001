package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.BackgroundProcess;
import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.ExecStream;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.Language;
import io.pocketdock.StreamChunk;
import java.time.Duration;
import java.util.stream.Collectors;

/** Code snippets in each language, with the characters that break naive shell quoting. */
class SnippetIT {

  @EngineTest
  void run_python_quotesDollarsBackslashesAndLines(TestEngine engine) {
    String code =
        """
        import sys
        s = 'it\\'s "quoted" $HOME `date` \\\\ back'
        print(s)
        print("tab:\\t|", end="\\n")
        def f(x):
            return x * 2
        print(f(21), file=sys.stderr)
        sys.exit(3)
        """;
    try (Container box = engine.dock().create(engine.spec().build())) {
      ExecResult r = box.run(code, Language.PYTHON);
      assertThat(r.stdout()).isEqualTo("it's \"quoted\" $HOME `date` \\ back\ntab:\t|\n");
      assertThat(r.stderr()).isEqualTo("42\n");
      assertThat(r.exitCode()).isEqualTo(3);
    }
  }

  @EngineTest
  void run_bashAndSh_specialCharactersVerbatim(TestEngine engine) {
    String bash =
        """
        a=(one 'two three')
        echo "${#a[@]} ${a[1]}"
        echo '$HOME stays' "and \\\\ one backslash" 'a\\nb'
        """;
    String sh = "x='single \"double\" $dollar'\nprintf '%s\\n' \"$x\"\nexit 0";
    try (Container box = engine.dock().create(engine.spec().build())) {
      assertThat(box.run(bash, Language.BASH).stdout())
          .isEqualTo("2 two three\n$HOME stays and \\ one backslash a\\nb\n");
      assertThat(box.run(sh, Language.SH).stdout()).isEqualTo("single \"double\" $dollar\n");
      // The temporary file is gone, and the code did not leak into the snippet's environment.
      assertThat(box.run("ls /tmp; env | grep -c POCKET_DOCK_CODE").stdout()).isEqualTo("0\n");
      assertThat(box.run("env | grep -c POCKET_DOCK_CODE", Language.SH).stdout()).isEqualTo("0\n");
    }
  }

  @EngineTest
  void run_shOnBusybox_works(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().image(TestImages.BUSYBOX).build())) {
      ExecResult r = box.run("echo \"it's $((6 * 7))\"\necho 'done'\nexit 2\n", Language.SH);
      assertThat(r.stdout()).isEqualTo("it's 42\ndone\n");
      assertThat(r.exitCode()).isEqualTo(2);
    }
  }

  @EngineTest
  void run_nodeNotInImage_exit127WithClearStderr(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      ExecResult r = box.run("console.log('hi')", Language.NODE);
      assertThat(r.exitCode()).isEqualTo(127);
      assertThat(r.stderr()).contains("node is not installed");
    }
  }

  @EngineTest
  void snippet_streamAndDetached_work(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      try (ExecStream s =
          box.stream("import time\nfor i in range(3):\n    print(i, flush=True)\n", Language.PYTHON, ExecOptions.defaults())) {
        assertThat(s.chunks().map(StreamChunk::data).collect(Collectors.joining())).isEqualTo("0\n1\n2\n");
      }
      BackgroundProcess p = box.runDetached("echo \"$0\"; exit 9", Language.BASH, ExecOptions.defaults());
      ExecResult r = p.waitFor(Duration.ofSeconds(15)).orElseThrow();
      assertThat(r.exitCode()).isEqualTo(9);
      assertThat(r.stdout()).startsWith("/tmp/pocket-dock-snippet.");
    }
  }

  @EngineTest
  void run_badSnippets_invalidArgumentBeforeAnyExec(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      assertThatThrownBy(() -> box.run("print('a\0b')", Language.PYTHON))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("NUL");
      assertThatThrownBy(() -> box.run("#".repeat(200_000), Language.SH))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("limited");
      assertThatThrownBy(() -> Language.parse("cobol"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("cobol")
          .satisfies(e -> assertThat(((InvalidArgumentException) e).hint().orElseThrow()).contains("python", "node", "bash", "sh"));
    }
  }
}
