package io.pocketdock;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels pocket-dock puts on every container it creates, in one place. */
final class Labels {
  static final String PREFIX = "io.pocketdock.";
  static final String MANAGED = PREFIX + "managed";
  static final String PERSIST = PREFIX + "persist";
  static final String PROJECT = PREFIX + "project";
  static final String PROFILE = PREFIX + "profile";
  static final String EXEC_TIMEOUT_MS = PREFIX + "exec-timeout-ms";
  static final String CREATOR_HOST = PREFIX + "creator.host";
  static final String CREATOR_PID = PREFIX + "creator.pid";
  static final String CREATOR_STARTED = PREFIX + "creator.started";

  private Labels() {}

  static Map<String, String> forSpec(ContainerSpec spec, String host) {
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.put(MANAGED, "true");
    labels.put(PERSIST, Boolean.toString(spec.persist()));
    labels.put(PROFILE, spec.image() == null ? spec.profile() : "");
    labels.put(EXEC_TIMEOUT_MS, Long.toString(spec.execTimeout().toMillis()));
    labels.put(CREATOR_HOST, host);
    labels.put(CREATOR_PID, Long.toString(ProcessHandle.current().pid()));
    labels.put(
        CREATOR_STARTED,
        Long.toString(
            ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH).toEpochMilli()));
    return labels;
  }
}
