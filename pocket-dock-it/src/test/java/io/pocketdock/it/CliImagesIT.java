package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonBoolean;
import io.pocketdock.internal.json.JsonNumber;
import io.pocketdock.internal.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CLI's profile and image commands, as a subprocess. */
class CliImagesIT {

  @EngineTest
  void profiles_json_hasEveryFieldWithItsType(TestEngine engine) {
    CliProcess.Result r = CliProcess.run(engine, "profiles", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonArray all = (JsonArray) Json.parse(r.out());
    assertThat(all.objects()).extracting(o -> o.string("name", "")).contains("minimal", "dev", "agent", "embedded", "node");
    for (JsonObject p : all.objects()) {
      assertThat(p.members().keySet()).containsExactly("name", "image_tag", "network_default", "description", "size");
      assertThat(p.string("image_tag", "")).isEqualTo("localhost/pocket-dock/" + p.string("name", "") + ":latest");
      assertThat(p.get("network_default")).containsInstanceOf(JsonBoolean.class);
      assertThat(p.string("description", "")).isNotBlank();
    }
    JsonObject minimal = all.objects().stream().filter(o -> o.string("name", "").equals("minimal")).findFirst().orElseThrow();
    assertThat(minimal.get("size")).containsInstanceOf(JsonNumber.class);
    assertThat(minimal.longValue("size", -1)).isPositive();
    assertThat(minimal.bool("network_default", true)).isFalse();

    CliProcess.Result table = CliProcess.run(engine, "profiles");
    assertThat(table.out()).startsWith("NAME").contains("minimal").contains("localhost/pocket-dock/minimal:latest");
  }

  @EngineTest
  void build_projectProfile_showsProgress_printsTheImage_thenUpToDate(TestEngine engine) throws Exception {
    Path dir = CliProcess.tempDir("pd-cli-build");
    assertThat(CliProcess.runIn(engine, dir, null, "init", "--name", "clibuild").code()).isZero();
    String profile = TestProfiles.name("cli");
    String image = "localhost/pocket-dock/" + profile + ":latest";
    TestProfiles.write(dir, profile, "FROM " + TestImages.BUSYBOX + "\nRUN echo built-by-cli > /marker\n");
    try {
      CliProcess.Result r = CliProcess.runIn(engine, dir, null, "build", profile);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).isEqualTo(image + "\n");
      assertThat(r.err()).contains("RUN echo built-by-cli > /marker").contains("built " + image);
      CliProcess.Result again = CliProcess.runIn(engine, dir, null, "build", profile);
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(again.err()).contains("up to date");
      assertThat(TestProfiles.exists(engine.socket(), image)).isTrue();
    } finally {
      TestProfiles.removeImage(engine.socket(), image);
    }
  }

  @EngineTest
  void export_import_roundTrip_plainLinesWhenPiped(TestEngine engine) throws Exception {
    Path dir = CliProcess.tempDir("pd-cli-export");
    CliProcess.Result usage = CliProcess.runIn(engine, dir, null, "export", "-o", "x.tar");
    assertThat(usage.code()).isEqualTo(2);
    CliProcess.Result export = CliProcess.runIn(engine, dir, null, "export", TestImages.BUSYBOX, "-o", "busybox.tar.gz");
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.err()).doesNotContain("\r").contains("exported ");
    assertThat(Files.size(dir.resolve("busybox.tar.gz"))).isPositive();
    CliProcess.Result imported = CliProcess.runIn(engine, dir, null, "import", "busybox.tar.gz");
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("pocket-dock/test-busybox");
    CliProcess.Result missing = CliProcess.runIn(engine, dir, null, "import", "nope.tar");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.errLines().get(0)).startsWith("error: ").contains("nope.tar");
  }
}
