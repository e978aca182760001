package io.pocketdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The AOT cache's training run must really go through the commands it trains (a training that
 * fails early would load the error path only): against its stand-in engine, each command succeeds.
 */
class AotTrainingTest {
  @Test
  void training_runsEachCommandToTheEnd() throws Exception {
    List<String> printed = AotTraining.train(1);
    assertThat(printed).hasSize(AotTraining.commands("/s").size());
    assertThat(printed.get(0))
        .contains("\"exit_code\":0")
        .contains("\"stdout\":\"hello\\n\"");
    assertThat(printed.get(1)).isEqualTo("hello\n");
    assertThat(printed.get(2)).contains("\"name\":\"pd-aot-training\"");
    assertThat(printed.get(3)).contains("pd-aot-training").contains("running");
    assertThat(printed.get(4)).contains("\"name\":\"pd-aot-training\"");
    assertThat(printed.get(5)).contains("Usage: pocket-dock run");
  }
}
