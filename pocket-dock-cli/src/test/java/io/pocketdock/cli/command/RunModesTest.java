package io.pocketdock.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.ExecResult;
import io.pocketdock.StdStream;
import io.pocketdock.StreamChunk;
import io.pocketdock.cli.FakeContainer;
import io.pocketdock.cli.FakeDock;
import io.pocketdock.cli.TestCli;
import io.pocketdock.cli.terminal.Terminal;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** run --stream, --detach and --lang. */
class RunModesTest {
  private final FakeDock dock = new FakeDock();
  private final FakeContainer box = dock.add("box");

  @Test
  void stream_printsChunksToTheirStreams_exitsWithTheCode() {
    box.chunks = List.of(new StreamChunk(StdStream.STDOUT, "a\n"), new StreamChunk(StdStream.STDERR, "e\n"), new StreamChunk(StdStream.STDOUT, "b\n"));
    box.result = new ExecResult(3, "a\nb\n", "e\n", 10, false, false);
    TestCli.Result r = TestCli.run(dock, "run", "box", "--stream", "--", "x");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEqualTo("a\nb\n");
    assertThat(r.err()).isEqualTo("e\n");
    assertThat(box.commands).containsExactly("x");
  }

  @Test
  void stream_timeout_noticeAnd124() {
    box.result = new ExecResult(124, "", "", 1000, true, false);
    TestCli.Result r = TestCli.run(dock, "run", "box", "--stream", "--timeout", "1", "--", "sleep 9");
    assertThat(r.code()).isEqualTo(124);
    assertThat(r.err()).contains("timed out");
  }

  @Test
  void detach_printsTheProcessIdAndReturns() {
    TestCli.Result r = TestCli.run(dock, "run", "box", "--detach", "--", "server");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("exec-0123456789\n");
    assertThat(box.detachedCommands).containsExactly("server");
  }

  @Test
  void lang_wordsAreTheCode() {
    TestCli.Result r = TestCli.run(dock, "run", "box", "--lang", "python", "--", "print('$x')");
    assertThat(r.code()).isZero();
    assertThat(box.snippets).containsExactly("python: print('$x')");
  }

  @Test
  void lang_dashReadsTheCodeFromStdin() {
    Terminal stdin = Terminal.of(false, Map.of(), () -> new BufferedReader(new StringReader("import os\nprint(1)\n")));
    TestCli.run(stdin, dock, "run", "box", "--lang", "py", "-");
    assertThat(box.snippets).containsExactly("python: import os\nprint(1)\n");
  }

  @Test
  void lang_withDetach_runsTheSnippetInTheBackground() {
    TestCli.run(dock, "run", "box", "--lang", "bash", "--detach", "--", "sleep 1");
    assertThat(box.detachedCommands).containsExactly("bash: sleep 1");
  }

  @Test
  void unknownLanguage_isAnErrorBeforeConnecting() {
    TestCli.Result r = TestCli.run(dock, "run", "box", "--lang", "cobol", "--", "x");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: run: unknown language 'cobol'");
    assertThat(dock.connects).isEmpty();
  }

  @Test
  void modesExcludeEachOther_usageError() {
    assertThat(TestCli.run(dock, "run", "box", "--stream", "--json", "--", "x").code()).isEqualTo(2);
    assertThat(TestCli.run(dock, "run", "box", "--detach", "--stream", "--", "x").code()).isEqualTo(2);
    assertThat(dock.connects).isEmpty();
  }
}
