package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class OrphanReaperTest {
  private static final Instant STARTED = Instant.ofEpochMilli(1_700_000_000_000L);
  private static final LongFunction<Optional<Instant>> NOTHING_ALIVE = pid -> Optional.empty();
  private static final LongFunction<Optional<Instant>> PID_42_ALIVE =
      pid -> pid == 42 ? Optional.of(STARTED) : Optional.empty();

  private static Map<String, String> labels() {
    Map<String, String> l = new HashMap<>();
    l.put(Labels.MANAGED, "true");
    l.put(Labels.PERSIST, "false");
    l.put(Labels.LIFETIME, Labels.LIFETIME_PROCESS);
    l.put(Labels.CREATOR_HOST, "h1");
    l.put(Labels.CREATOR_PID, "42");
    l.put(Labels.CREATOR_STARTED, Long.toString(STARTED.toEpochMilli()));
    return l;
  }

  @Test
  void orphaned_creatorDead_true() {
    assertThat(OrphanReaper.orphaned(labels(), "h1", NOTHING_ALIVE)).isTrue();
  }

  @Test
  void orphaned_creatorAlive_false() {
    assertThat(OrphanReaper.orphaned(labels(), "h1", PID_42_ALIVE)).isFalse();
  }

  @Test
  void orphaned_pidReusedByLaterProcess_true() {
    LongFunction<Optional<Instant>> reused = pid -> Optional.of(STARTED.plusSeconds(3600));
    assertThat(OrphanReaper.orphaned(labels(), "h1", reused)).isTrue();
  }

  @Test
  void orphaned_startTimeRoundedWithinTolerance_false() {
    LongFunction<Optional<Instant>> rounded = pid -> Optional.of(STARTED.plusMillis(10));
    assertThat(OrphanReaper.orphaned(labels(), "h1", rounded)).isFalse();
  }

  @Test
  void orphaned_persistent_neverTouched() {
    Map<String, String> l = labels();
    l.put(Labels.PERSIST, "true");
    assertThat(OrphanReaper.orphaned(l, "h1", NOTHING_ALIVE)).isFalse();
  }

  @Test
  void orphaned_outlivesCreator_neverTouched() {
    Map<String, String> l = labels();
    l.putAll(ContainerSpec.builder().outliveCreator(true).build().labels());
    assertThat(OrphanReaper.orphaned(l, "h1", NOTHING_ALIVE)).isFalse();
  }

  @Test
  void orphaned_noLifetimeLabel_notOurs() {
    Map<String, String> l = labels();
    l.remove(Labels.LIFETIME);
    assertThat(OrphanReaper.orphaned(l, "h1", NOTHING_ALIVE)).isFalse();
  }

  @Test
  void orphaned_otherHost_false() {
    assertThat(OrphanReaper.orphaned(labels(), "h2", NOTHING_ALIVE)).isFalse();
  }

  @Test
  void orphaned_garbledCreatorLabels_false() {
    Map<String, String> l = labels();
    l.put(Labels.CREATOR_PID, "forty-two");
    assertThat(OrphanReaper.orphaned(l, "h1", NOTHING_ALIVE)).isFalse();
  }

  @Test
  void orphaned_unknownStartInLabel_judgedByLiveness() {
    Map<String, String> l = labels();
    l.put(Labels.CREATOR_STARTED, "0");
    assertThat(OrphanReaper.orphaned(l, "h1", PID_42_ALIVE)).isFalse();
    assertThat(OrphanReaper.orphaned(l, "h1", NOTHING_ALIVE)).isTrue();
  }

  @Test
  void forSpec_default_lifetimeProcess_outliveCreator_detached() {
    assertThat(Labels.forSpec(ContainerSpec.builder().build(), "h1"))
        .containsEntry(Labels.LIFETIME, Labels.LIFETIME_PROCESS);
    assertThat(Labels.forSpec(ContainerSpec.builder().outliveCreator(true).build(), "h1"))
        .containsEntry(Labels.LIFETIME, Labels.LIFETIME_DETACHED);
    assertThat(ContainerSpec.builder().outliveCreator(true).outliveCreator(false).build().labels())
        .doesNotContainKey(Labels.LIFETIME);
  }
}
