package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.ByteSize;
import io.pocketdock.Container;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.Hardening;
import io.pocketdock.PocketDock;
import io.pocketdock.Protections;

/** The secure defaults are in force, reported live, overridable, and leave common tools working. */
class SecurityIT {

  @EngineTest
  void create_defaults_protectionsInForceAndReported(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      Protections p = box.info().protections();
      assertThat(p.user()).isEqualTo("sandbox");
      assertThat(p.nonRoot()).isTrue();
      assertThat(p.noNewPrivileges()).isTrue();
      assertThat(p.capabilities()).isEmpty();
      // Docker reports CapDrop [ALL]; Podman lists the defaults it removed. The outcome is the same.
      assertThat(p.capDrop()).isNotEmpty();
      assertThat(p.pidsLimit()).isEqualTo(512);
      assertThat(p.networkOff()).isTrue();
      assertThat(p.readOnlyRootfs()).isFalse();
      assertThat(p.memoryLimit()).isZero();
      // What the kernel says, not just what the engine says.
      ExecResult status = box.run("id -u; grep -E '^Cap(Eff|Prm|Amb|Bnd)' /proc/self/status; grep NoNewPrivs /proc/self/status; ls /sys/class/net");
      assertThat(status.stdout())
          .startsWith("1000\n")
          .contains("CapEff:\t0000000000000000", "CapAmb:\t0000000000000000", "CapBnd:\t0000000000000000")
          .contains("NoNewPrivs:\t1")
          .endsWith("lo\n");
    }
  }

  @EngineTest
  void defaults_commonToolsStillWork(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().build())) {
      // pip-like writes in home: a virtualenv, and a module in the user site dir that imports.
      ExecResult venv =
          box.run(
              "cd && python3 -m venv --without-pip venv && venv/bin/python -c 'print(7*6)'"
                  + " && site=$(python3 -m site --user-site) && mkdir -p \"$site\""
                  + " && echo 'X = 5' > \"$site/mymod.py\" && python3 -c 'import mymod; print(mymod.X)'");
      assertThat(venv.ok()).as(venv.stderr()).isTrue();
      assertThat(venv.stdout()).isEqualTo("42\n5\n");
      // ps, and kill of own processes.
      ExecResult ps = box.run("sleep 300 & p=$!; ps -o pid=,user=,comm= -p $p; kill $p; wait $p; echo rc=$?");
      assertThat(ps.stdout()).contains("sandbox", "sleep").endsWith("rc=143\n");
      // File ownership in /tmp.
      ExecResult tmp = box.run("f=/tmp/owned; echo x > $f && chmod 600 $f && stat -c '%U %a' $f && chown root $f; echo rc=$?");
      assertThat(tmp.stdout()).startsWith("sandbox 600\n").endsWith("rc=1\n");
    }
  }

  @EngineTest
  void readOnlyRootfs_systemRefusedTmpAndHomeWritable(TestEngine engine) {
    try (Container box = engine.dock().create(engine.spec().readOnlyRootfs(true).build())) {
      assertThat(box.info().protections().readOnlyRootfs()).isTrue();
      ExecResult etc = box.run("touch /etc/evil");
      assertThat(etc.exitCode()).isNotZero();
      assertThat(etc.stderr()).contains("Read-only file system");
      ExecResult writable =
          box.run("echo a > /tmp/a && echo b > ~/b && stat -c %U ~/b && cat /tmp/a ~/b && python3 -c 'print(1)'");
      assertThat(writable.stdout()).isEqualTo("sandbox\na\nb\n1\n");
      // Attach reads the setting back.
      assertThat(engine.dock().attach(box.name()).spec().hardening().readOnlyRootfs()).isTrue();
    }
  }

  @EngineTest
  void capabilities_rootWithoutThem_cannotChown_withRootTooling_can(TestEngine engine) {
    String chown = "touch /tmp/f && chown 1000:1000 /tmp/f && stat -c %u /tmp/f";
    ExecOptions asRoot = ExecOptions.defaults().withUser("0");
    try (Container bare = engine.dock().create(engine.spec().user("0").build());
        Container tooled =
            engine
                .dock()
                .create(
                    engine
                        .spec()
                        .hardening(
                            Hardening.defaults().withUser("0").withCapabilities(Hardening.ROOT_TOOLING))
                        .build())) {
      assertThat(bare.run(chown, asRoot).stderr()).contains("Operation not permitted");
      assertThat(tooled.run(chown, asRoot).stdout()).isEqualTo("1000\n");
      Protections p = tooled.info().protections();
      assertThat(p.capabilities()).containsExactlyElementsOf(Hardening.ROOT_TOOLING);
      assertThat(p.nonRoot()).isFalse();
    }
  }

  @EngineTest
  void hardening_relaxed_reportedAsSuch(TestEngine engine) {
    Hardening relaxed = Hardening.defaults().withNoNewPrivileges(false).withEngineDefaultCapabilities();
    try (Container box = engine.dock().create(engine.spec().hardening(relaxed).pidsLimit(-1).build())) {
      Protections p = box.info().protections();
      assertThat(p.noNewPrivileges()).isFalse();
      assertThat(p.capabilities()).contains("CHOWN", "SETUID").doesNotContain("SYS_ADMIN");
      assertThat(p.pidsLimited()).isFalse();
    }
  }

  @EngineTest
  void defaultMemoryLimit_appliesOnlyWhenSpecSetsNone(TestEngine engine) {
    try (PocketDock dock =
            PocketDock.builder()
                .socket(engine.socket())
                .defaultMemoryLimit(ByteSize.parse("128m"))
                .build();
        Container capped = dock.create(engine.spec().build());
        Container own = dock.create(engine.spec().memoryLimit("256m").build())) {
      assertThat(capped.info().protections().memoryLimit()).isEqualTo(128L << 20);
      assertThat(own.info().protections().memoryLimit()).isEqualTo(256L << 20);
    }
  }
}
