package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.Artifact;
import io.pocketdock.Container;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.Interpreter;
import io.pocketdock.InterpreterResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The stateful Python interpreter: shared state, values, errors, artifacts, timeouts, crashes. */
class InterpreterIT {

  @EngineTest
  void interpreter_successiveCells_shareVariablesAndImports(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Interpreter py = box.interpreter()) {
      InterpreterResult first = py.run("import math\nr = 2\nprint('set')");
      assertThat(first.ok()).isTrue();
      assertThat(first.stdout()).isEqualTo("set\n");
      assertThat(first.value()).isNull();
      InterpreterResult second = py.run("def area(x):\n    return math.pi * x ** 2\narea(r)");
      assertThat(second.value()).isEqualTo(Double.toString(Math.PI * 4));
      assertThat(py.run("[r, 'a']").value()).isEqualTo("[2, 'a']");
      assertThat(py.run("_").value()).isEqualTo("[2, 'a']");
    }
  }

  @EngineTest
  void interpreter_outputOfSubprocessesAndStderr_isCapturedPerCell(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Interpreter py = box.interpreter()) {
      InterpreterResult r =
          py.run("import os, sys\nprint('py')\nos.system('echo from-shell; echo err >&2')\n"
              + "print('warn', file=sys.stderr)");
      assertThat(r.stdout()).isEqualTo("py\nfrom-shell\n");
      assertThat(r.stderr()).isEqualTo("err\nwarn\n");
      assertThat(py.run("print('next')").stdout()).isEqualTo("next\n");
    }
  }

  @EngineTest
  void interpreter_raisingCell_returnsStructuredErrorAndKeepsState(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Interpreter py = box.interpreter()) {
      py.run("x = 10");
      InterpreterResult r = py.run("print('before')\ny = x / 0");
      assertThat(r.ok()).isFalse();
      assertThat(r.stdout()).isEqualTo("before\n");
      assertThat(r.error()).isNotNull();
      assertThat(r.error().type()).isEqualTo("ZeroDivisionError");
      assertThat(r.error().message()).isEqualTo("division by zero");
      assertThat(r.error().traceback())
          .contains("<cell-2>", "line 2", "y = x / 0", "ZeroDivisionError")
          .doesNotContain("python_driver", "run_cell");
      InterpreterResult syntax = py.run("def broken(:");
      assertThat(syntax.error().type()).isEqualTo("SyntaxError");
      assertThat(py.run("x").value()).isEqualTo("10");
    }
  }

  @EngineTest
  void interpreter_cellWritesFile_returnsItAsArtifact(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Interpreter py = box.interpreter()) {
      InterpreterResult r =
          py.run("import os\nos.makedirs('out', exist_ok=True)\n"
              + "open('out/report.csv', 'w').write('a,b\\n1,2\\n')\n"
              + "open('big.bin', 'wb').write(b'x' * (5 << 20))");
      assertThat(r.artifacts()).extracting(Artifact::path)
          .containsExactly("/home/sandbox/big.bin", "/home/sandbox/out/report.csv");
      Artifact csv = r.artifacts().get(1);
      assertThat(csv.name()).isEqualTo("report.csv");
      assertThat(csv.mediaType()).isEqualTo("text/csv");
      assertThat(new String(csv.bytes().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("a,b\n1,2\n");
      Artifact big = r.artifacts().get(0);
      assertThat(big.size()).isEqualTo(5 << 20);
      assertThat(big.bytes()).isEmpty();
      // Files left unchanged by a later cell are not reported again.
      assertThat(py.run("1 + 1").artifacts()).isEmpty();
    }
  }

  @EngineTest
  void interpreter_openPyplotFigure_isSavedAsPngArtifact(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Interpreter py = box.interpreter()) {
      // The minimal image has no matplotlib: a stand-in module with pyplot's figure API.
      py.run("import os, sys, types\n"
          + "plt = types.ModuleType('matplotlib.pyplot')\n"
          + "class Fig:\n"
          + "    def savefig(self, path, format=None):\n"
          + "        open(path, 'wb').write(b'\\x89PNG fake')\n"
          + "plt.open = []\n"
          + "plt.get_fignums = lambda: list(plt.open)\n"
          + "plt.figure = lambda n: Fig()\n"
          + "plt.close = lambda which: plt.open.clear()\n"
          + "sys.modules['matplotlib.pyplot'] = plt");
      InterpreterResult r = py.run("plt.open.append(1)\n'plotted'");
      assertThat(r.artifacts()).hasSize(1);
      assertThat(r.artifacts().get(0).name()).isEqualTo("figure-1.png");
      assertThat(r.artifacts().get(0).mediaType()).isEqualTo("image/png");
      assertThat(r.artifacts().get(0).bytes().orElseThrow()).startsWith((byte) 0x89, (byte) 'P');
      assertThat(py.run("'again'").artifacts()).isEmpty();
    }
  }

  @EngineTest
  void interpreter_cellExceedsTimeout_isInterruptedAndStateKept(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Interpreter py = box.interpreter()) {
      py.run("kept = 'yes'");
      InterpreterResult r = py.run("import time\nprint('start')\ntime.sleep(300)", Duration.ofSeconds(1));
      assertThat(r.timedOut()).isTrue();
      assertThat(r.ok()).isFalse();
      assertThat(r.error().type()).isEqualTo("Timeout");
      assertThat(r.stdout()).isEqualTo("start\n");
      assertThat(r.durationMs()).isLessThan(10_000);
      assertThat(py.run("kept").value()).isEqualTo("'yes'");
    }
  }

  @EngineTest
  void interpreter_processExits_reportsCrashAndNextCellStartsFresh(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Interpreter py = box.interpreter()) {
      py.run("lost = 1");
      InterpreterResult r = py.run("import os\nos._exit(3)");
      assertThat(r.error().type()).isEqualTo(InterpreterResult.CRASHED);
      assertThat(r.error().message()).contains("exited (code 3)", "state", "fresh");
      InterpreterResult after = py.run("'lost' in globals()");
      assertThat(after.value()).isEqualTo("False");
      assertThat(box.run("echo sandbox alive").stdout()).isEqualTo("sandbox alive\n");
    }
  }

  @EngineTest
  void interpreter_restart_clearsState(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build());
        Interpreter py = box.interpreter()) {
      py.run("a = 1");
      py.restart();
      assertThat(py.run("'a' in globals()").value()).isEqualTo("False");
    }
  }

  @EngineTest
  void interpreter_badLanguageOrNoPython_failsWithInvalidArgument(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      assertThatThrownBy(() -> box.interpreter("cobol"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("cobol");
    }
    try (Container bare = engine.dock().create(engine.spec().image(TestImages.BUSYBOX).build())) {
      assertThatThrownBy(bare::interpreter)
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageContaining("python3");
      assertThat(bare.run("echo ok").stdout()).isEqualTo("ok\n");
    }
  }
}
