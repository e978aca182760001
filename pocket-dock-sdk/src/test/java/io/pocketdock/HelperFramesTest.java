package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HelperFramesTest {

  /** One response frame as the helper writes it. */
  static byte[] response(int type, int run, byte[] payload) {
    return ByteBuffer.allocate(9 + payload.length)
        .putInt(5 + payload.length)
        .put((byte) type)
        .putInt(run)
        .put(payload)
        .array();
  }

  static byte[] exit(int run, int status) {
    return response(HelperFrames.EXIT, run, ByteBuffer.allocate(4).putInt(status).array());
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static List<HelperFrames.Response> decode(byte[] data, int... cuts) throws Exception {
    List<HelperFrames.Response> got = new ArrayList<>();
    HelperFrames.Decoder d = new HelperFrames.Decoder();
    int from = 0;
    for (int cut : cuts) {
      d.feed(data, from, cut - from, got::add);
      from = cut;
    }
    d.feed(data, from, data.length - from, got::add);
    assertThat(d.atBoundary()).isTrue();
    return got;
  }

  private static String describe(HelperFrames.Response r) {
    return Integer.toHexString(r.type()) + "/" + r.run() + "/" + Arrays.toString(r.payload());
  }

  @Test
  void run_layout_isLengthTypeRunThenStrings() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("A", "1");
    env.put("POCKET_DOCK_RUN", "tok");
    byte[] f = HelperFrames.run(7, "/tmp", env, "echo é");
    ByteBuffer b = ByteBuffer.wrap(f);
    assertThat(b.getInt()).isEqualTo(f.length - 4);
    assertThat(b.get()).isEqualTo((byte) HelperFrames.RUN);
    assertThat(b.getInt()).isEqualTo(7);
    assertThat(string(b)).isEqualTo("/tmp");
    assertThat(b.getInt()).isEqualTo(2);
    assertThat(string(b)).isEqualTo("A=1");
    assertThat(string(b)).isEqualTo("POCKET_DOCK_RUN=tok");
    assertThat(string(b)).isEqualTo("echo é");
    assertThat(b.hasRemaining()).isFalse();
  }

  private static String string(ByteBuffer b) {
    byte[] s = new byte[b.getInt()];
    b.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }

  @Test
  void run_noWorkdir_sendsEmptyString() {
    ByteBuffer b = ByteBuffer.wrap(HelperFrames.run(1, null, Map.of(), "true"));
    b.position(9);
    assertThat(b.getInt()).isZero();
    assertThat(b.getInt()).isZero();
    assertThat(string(b)).isEqualTo("true");
  }

  @Test
  void run_nulOrBadNameOrTooLarge_cannotBeCarried() {
    assertThat(HelperFrames.run(1, null, Map.of(), "a\0b")).isNull();
    assertThat(HelperFrames.run(1, "/t\0mp", Map.of(), "true")).isNull();
    assertThat(HelperFrames.run(1, null, Map.of("A", "x\0"), "true")).isNull();
    assertThat(HelperFrames.run(1, null, Map.of("A=B", "x"), "true")).isNull();
    assertThat(HelperFrames.run(1, null, Map.of("", "x"), "true")).isNull();
    assertThat(HelperFrames.run(1, null, Map.of(), "x".repeat(HelperFrames.MAX_REQUEST))).isNull();
    assertThat(HelperFrames.run(1, null, Map.of("A", "x".repeat(HelperFrames.MAX_REQUEST)), "true"))
        .isNull();
    assertThat(HelperFrames.run(1, null, Map.of(), "x".repeat(HelperFrames.MAX_REQUEST - 100)))
        .isNotNull()
        .hasSizeLessThanOrEqualTo(HelperFrames.MAX_REQUEST + 4);
  }

  @Test
  void decode_everyType_inOrder() throws Exception {
    byte[] data =
        concat(
            response(HelperFrames.HELLO, 0, "pd-exec/1".getBytes(StandardCharsets.UTF_8)),
            response(HelperFrames.STARTED, 3, new byte[0]),
            response(HelperFrames.OUT, 3, new byte[] {'o', 'k'}),
            response(HelperFrames.ERR, 3, new byte[] {'e'}),
            exit(3, 137),
            response(HelperFrames.NOT_STARTED, 4, "chdir: No such file".getBytes(StandardCharsets.UTF_8)));
    List<HelperFrames.Response> got = decode(data);
    assertThat(got).extracting(HelperFrames.Response::type)
        .containsExactly(
            HelperFrames.HELLO,
            HelperFrames.STARTED,
            HelperFrames.OUT,
            HelperFrames.ERR,
            HelperFrames.EXIT,
            HelperFrames.NOT_STARTED);
    assertThat(got.get(0).text()).isEqualTo("pd-exec/1");
    assertThat(got.get(2).payload()).containsExactly('o', 'k');
    assertThat(got.get(4).run()).isEqualTo(3);
    assertThat(got.get(4).exitStatus()).isEqualTo(137);
    assertThat(got.get(5).text()).isEqualTo("chdir: No such file");
  }

  @Test
  void decode_everyCutOfTheInput_givesTheSameFrames() throws Exception {
    byte[] big = new byte[70_000 - 9 - 5000];
    new Random(1).nextBytes(big);
    byte[] data =
        concat(
            response(HelperFrames.STARTED, 1, new byte[0]),
            response(HelperFrames.OUT, 1, Arrays.copyOf(big, 65536)),
            response(HelperFrames.ERR, 2, new byte[] {1, 2, 3}),
            exit(1, 0),
            exit(2, 255));
    List<String> whole = decode(data).stream().map(HelperFramesTest::describe).toList();
    assertThat(whole).hasSize(5);
    for (int cut = 0; cut <= data.length; cut += cut < 40 ? 1 : 997) {
      assertThat(decode(data, cut).stream().map(HelperFramesTest::describe).toList())
          .as("cut at %d", cut)
          .isEqualTo(whole);
    }
  }

  @Test
  void decode_oneByteAtATime_givesTheSameFrames() throws Exception {
    byte[] data = concat(response(HelperFrames.OUT, 9, new byte[] {5, 6}), exit(9, -1));
    int[] cuts = new int[data.length - 1];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = i + 1;
    }
    List<HelperFrames.Response> got = decode(data, cuts);
    assertThat(got).hasSize(2);
    assertThat(got.get(1).exitStatus()).isEqualTo(-1);
  }

  @Test
  void decode_partialFrame_isHeldUntilComplete() throws Exception {
    byte[] data = response(HelperFrames.OUT, 1, new byte[] {1, 2, 3});
    List<HelperFrames.Response> got = new ArrayList<>();
    HelperFrames.Decoder d = new HelperFrames.Decoder();
    d.feed(data, 0, data.length - 1, got::add);
    assertThat(got).isEmpty();
    assertThat(d.atBoundary()).isFalse();
    d.feed(data, data.length - 1, 1, got::add);
    assertThat(got).hasSize(1);
  }

  @Test
  void decode_absurdLength_isRejectedBeforeAllocating() {
    byte[] header = ByteBuffer.allocate(9).putInt(Integer.MAX_VALUE).put((byte) HelperFrames.OUT).putInt(1).array();
    assertThatThrownBy(() -> decode(header)).isInstanceOf(HelperFrames.MalformedFrameException.class);
    byte[] tooBig = ByteBuffer.allocate(9).putInt(HelperFrames.MAX_RESPONSE + 1).put((byte) HelperFrames.OUT).putInt(1).array();
    assertThatThrownBy(() -> decode(tooBig)).isInstanceOf(HelperFrames.MalformedFrameException.class);
    byte[] negative = ByteBuffer.allocate(9).putInt(-1).put((byte) HelperFrames.OUT).putInt(1).array();
    assertThatThrownBy(() -> decode(negative)).isInstanceOf(HelperFrames.MalformedFrameException.class);
    byte[] tooShort = ByteBuffer.allocate(9).putInt(4).put((byte) HelperFrames.OUT).putInt(1).array();
    assertThatThrownBy(() -> decode(tooShort)).isInstanceOf(HelperFrames.MalformedFrameException.class);
  }

  @Test
  void decode_unknownTypeOrWrongPayloadSize_isRejected() {
    assertThatThrownBy(() -> decode(response(0x42, 1, new byte[0])))
        .isInstanceOf(HelperFrames.MalformedFrameException.class)
        .hasMessageContaining("unknown");
    assertThatThrownBy(() -> decode(response(HelperFrames.EXIT, 1, new byte[3])))
        .isInstanceOf(HelperFrames.MalformedFrameException.class);
    assertThatThrownBy(() -> decode(response(HelperFrames.STARTED, 1, new byte[1])))
        .isInstanceOf(HelperFrames.MalformedFrameException.class);
    assertThatThrownBy(() -> decode(response(HelperFrames.HELLO, 0, new byte[2000])))
        .isInstanceOf(HelperFrames.MalformedFrameException.class);
  }

  @Test
  void decode_garbageSuchAsAnEngineErrorText_isRejected() {
    byte[] text = "OCI runtime exec failed: exec failed: permission denied\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> decode(text)).isInstanceOf(HelperFrames.MalformedFrameException.class);
  }

  @Test
  void decode_emptyOutputPiece_isAFrame() throws Exception {
    List<HelperFrames.Response> got = decode(response(HelperFrames.OUT, 2, new byte[0]));
    assertThat(got).singleElement().satisfies(r -> assertThat(r.payload()).isEmpty());
  }

  @Test
  void decode_roundTripOfRandomStreams_keepsEveryByte() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 50; round++) {
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      int frames = 1 + random.nextInt(20);
      for (int i = 0; i < frames; i++) {
        byte[] p = new byte[random.nextInt(3000)];
        random.nextBytes(p);
        stream.writeBytes(response(HelperFrames.OUT, round, p));
        expected.writeBytes(p);
      }
      byte[] data = stream.toByteArray();
      int[] cuts = random.ints(random.nextInt(10), 0, data.length + 1).sorted().toArray();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      for (HelperFrames.Response r : decode(data, cuts)) {
        assertThat(r.run()).isEqualTo(round);
        got.writeBytes(r.payload());
      }
      assertThat(got.toByteArray()).isEqualTo(expected.toByteArray());
    }
  }
}
