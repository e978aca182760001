package io.pocketdock.bench;

import io.pocketdock.Container;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * W4: {@code writeFile} then {@code readFile} of 20 MB. Floor: one archive upload of a tar holding
 * the file, then one archive download read back, with our own tar codec and nothing else.
 */
final class FileRoundTrip implements Workload {
  private static final int SIZE = 20 << 20;

  @Override
  public List<Row> measure(BenchEnv env) throws Exception {
    byte[] data = new byte[SIZE];
    new Random(42).nextBytes(data);
    try (Container box = env.dock().create(env.spec())) {
      String id = box.id();
      Interleaved.Result r =
          Interleaved.measure(
              1,
              env.iterations(3, 10),
              () ->
                  Trial.time(
                      () -> {
                        box.writeFile("/tmp/w4.bin", data);
                        check(box.readFile("/tmp/w4.bin"), data);
                      }),
              () ->
                  Trial.time(
                      () -> {
                        env.raw().putFile(id, "/tmp", "w4-floor.bin", data);
                        check(env.raw().getFile(id, "/tmp/w4-floor.bin"), data);
                      }));
      return List.of(Row.measured("W4 write + read back 20 MB", r.ours(), r.floor(), "≤ 150 ms", ""));
    }
  }

  private static void check(byte[] got, byte[] want) {
    if (!Arrays.equals(got, want)) {
      throw new IllegalStateException("read back " + got.length + " bytes that differ");
    }
  }
}
