package io.pocketdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.ByteSize;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.PocketDockException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {
  private final FakeDock dock = new FakeDock();

  @Test
  void sdkError_printsOneErrorLineAndOneHintLine_exit1() {
    // The SDK rejects the size before any engine call, with a hint.
    TestCli.Result r = TestCli.run(dock, "create", "--mem-limit", "lots");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines())
        .hasSize(2)
        .satisfies(l -> assertThat(l.get(0)).startsWith("error: ").contains("lots"))
        .satisfies(l -> assertThat(l.get(1)).startsWith("hint: ").contains("256m"));
    assertThat(r.out()).isEmpty();
    assertThat(dock.connects).isEmpty();
  }

  @Test
  void sdkErrorWithoutHint_printsOnlyTheErrorLine() {
    dock.add("box");
    dock.attachFailure = InvalidArgumentException.of("info", "something is off");
    TestCli.Result r = TestCli.run(dock, "info", "box");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: info: something is off\n");
  }

  @Test
  void otherException_printsOneLineWithoutStackTrace() {
    dock.add("box");
    dock.attachFailure = new IllegalStateException("boom\n  second line");
    TestCli.Result r = TestCli.run(dock, "info", "box");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: IllegalStateException: boom second line\n");
  }

  @Test
  void verbose_addsTheStackTrace() {
    dock.add("box");
    dock.attachFailure = new IllegalStateException("boom");
    TestCli.Result r = TestCli.run(dock, "info", "box", "--verbose");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("> GET /v1.41/_ping -> 200 (1 ms)\n")
        .contains("error: IllegalStateException: boom\n")
        .contains("\tat io.pocketdock.cli.ErrorHandlerTest.verbose_addsTheStackTrace");
  }

  @Test
  void wrappedSdkError_isUnwrapped() {
    PocketDockException cause = sizeError();
    dock.add("box");
    dock.attachFailure = new CompletionException(cause);
    TestCli.Result r = TestCli.run(dock, "info", "box");
    assertThat(r.err().lines()).containsExactly("error: " + cause.getMessage(), "hint: " + cause.hint().orElseThrow());
  }

  @Test
  void cliError_printsLikeAnSdkError() {
    dock.add("box");
    dock.attachFailure = new CliException("cannot do that", "do this instead");
    TestCli.Result r = TestCli.run(dock, "info", "box");
    assertThat(r.err()).isEqualTo("error: cannot do that\nhint: do this instead\n");
  }

  @Test
  void badOptionValue_isAUsageError_exit2() {
    TestCli.Result r = TestCli.run(dock, "create", "--cpu-percent", "half");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains("half").contains("Usage: pocket-dock create");
  }

  private static PocketDockException sizeError() {
    try {
      ByteSize.parse("x");
      throw new AssertionError("parse accepted x");
    } catch (PocketDockException e) {
      return e;
    }
  }
}
