package io.pocketdock.internal.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildStreamParserTest {

  private static List<BuildEvent> parse(String... lines) {
    BuildStreamParser p = new BuildStreamParser();
    List<BuildEvent> out = new ArrayList<>();
    for (String l : lines) {
      out.addAll(p.accept(l));
    }
    out.addAll(p.finish());
    return out;
  }

  @Test
  void accept_podmanMultiStage_stepsPerStageCacheAndOutput() {
    assertThat(
            parse(
                "{\"stream\":\"[1/2] STEP 2/3: RUN echo hi\\n\"}",
                "{\"stream\":\"--\\u003e Using cache d13c77e6876a\\n\"}",
                "{\"stream\":\"STEP 3/3: RUN cat /stamp\\n\"}",
                "{\"stream\":\"hello\"}",
                "{\"stream\":\" world\\r\\n\"}",
                "{\"aux\":{\"ID\":\"sha256:abc\"}}"))
        .containsExactly(
            new BuildEvent.Step(1, 2, 2, 3, "RUN echo hi"),
            new BuildEvent.CacheHit(),
            new BuildEvent.Output("--> Using cache d13c77e6876a"),
            new BuildEvent.Step(1, 1, 3, 3, "RUN cat /stamp"),
            new BuildEvent.Output("hello world"),
            new BuildEvent.Built("sha256:abc"));
  }

  @Test
  void accept_dockerStepsAndFailure_failureAfterFlushedOutput() {
    assertThat(
            parse(
                "{\"stream\":\"Step 2/3 : RUN false\\n\"}",
                "{\"stream\":\" ---\\u003e Running in 1a2b\\n\"}",
                "{\"stream\":\"partial\"}",
                "{\"errorDetail\":{\"code\":1,\"message\":\"returned a non-zero code: 1\"},"
                    + "\"error\":\"The command '/bin/sh -c false' returned a non-zero code: 1\"}"))
        .containsExactly(
            new BuildEvent.Step(1, 1, 2, 3, "RUN false"),
            new BuildEvent.Output(" ---> Running in 1a2b"),
            new BuildEvent.Output("partial"),
            new BuildEvent.Failure("The command '/bin/sh -c false' returned a non-zero code: 1"));
  }

  @Test
  void accept_successfullyBuiltAndStatusAndNonJson_reported() {
    assertThat(parse("{\"status\":\"Loading layer\"}", "not json", "{\"stream\":\"Successfully built 0440e65fff64\\n\"}"))
        .containsExactly(
            new BuildEvent.Output("Loading layer"),
            new BuildEvent.Output("not json"),
            new BuildEvent.Built("0440e65fff64"),
            new BuildEvent.Output("Successfully built 0440e65fff64"));
  }

  @Test
  void accept_progressStatusAndBlankLines_ignored() {
    assertThat(parse("", "{\"status\":\"Downloading\",\"progress\":\"[==>  ]\"}", "{\"stream\":\"\\n\\n\"}"))
        .isEmpty();
  }
}
