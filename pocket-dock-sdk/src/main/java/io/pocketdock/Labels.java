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
  static final String CREATOR_HOST = PREFIX + "creator.host";
  static final String CREATOR_PID = PREFIX + "creator.pid";
  static final String CREATOR_STARTED = PREFIX + "creator.started";
  /**
   * Whether an ephemeral container dies with its creating process ({@value #LIFETIME_PROCESS},
   * the default) or may outlive it ({@value #LIFETIME_DETACHED}); see {@link OrphanReaper}.
   */
  static final String LIFETIME = PREFIX + "lifetime";

  static final String LIFETIME_PROCESS = "process";
  static final String LIFETIME_DETACHED = "detached";

  private Labels() {}

  static Map<String, String> forSpec(ContainerSpec spec, String host) {
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.putIfAbsent(LIFETIME, LIFETIME_PROCESS);
    labels.put(MANAGED, "true");
    labels.put(PERSIST, Boolean.toString(spec.persist()));
    labels.put(PROFILE, spec.image() == null ? spec.profile() : "");
    labels.put(CREATOR_HOST, host);
    labels.put(CREATOR_PID, Long.toString(ProcessHandle.current().pid()));
    labels.put(
        CREATOR_STARTED,
        Long.toString(
            ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH).toEpochMilli()));
    return labels;
  }
}
