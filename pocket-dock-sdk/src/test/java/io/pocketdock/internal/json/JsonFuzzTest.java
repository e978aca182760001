package io.pocketdock.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Randomized checks with fixed seeds, so any failure reproduces. */
class JsonFuzzTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234567})
  void roundTrip_randomValues_areEqual(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 300; i++) {
      JsonValue value = randomValue(random, 0);

      String text = Json.write(value);

      assertThat(Json.parse(text)).as(text).isEqualTo(value);
      assertThat(Json.parse(text.getBytes(StandardCharsets.UTF_8))).as(text).isEqualTo(value);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 8, 9, 99, 2024})
  void parse_mutatedBytes_succeedsOrThrowsJsonExceptionOnly(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = Json.write(randomValue(random, 0)).getBytes(StandardCharsets.UTF_8);
      byte[] mutated = mutate(random, bytes);
      try {
        Json.parse(mutated);
      } catch (JsonException expected) {
        // Malformed input must only ever fail this way.
      } catch (RuntimeException | Error e) {
        throw new AssertionError(
            "unexpected " + e + " for " + new String(mutated, StandardCharsets.ISO_8859_1), e);
      }
    }
  }

  private static final String SYNTAX = "{}[],:\"\\0-eE.u";

  private static char pick(Random random, String chars) {
    return chars.charAt(random.nextInt(chars.length()));
  }

  private static byte[] mutate(Random random, byte[] bytes) {
    List<Byte> out = new ArrayList<>();
    for (byte b : bytes) {
      out.add(b);
    }
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = out.isEmpty() ? 0 : random.nextInt(out.size());
      byte noise = (byte) (random.nextBoolean() ? random.nextInt(256) : pick(random, SYNTAX));
      switch (random.nextInt(3)) {
        case 0 -> out.add(at, noise);
        case 1 -> {
          if (!out.isEmpty()) {
            out.remove(at);
          }
        }
        default -> {
          if (!out.isEmpty()) {
            out.set(at, noise);
          }
        }
      }
    }
    byte[] result = new byte[out.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = out.get(i);
    }
    return result;
  }

  static JsonValue randomValue(Random random, int depth) {
    int kind = random.nextInt(depth > 4 ? 5 : 7);
    switch (kind) {
      case 0:
        return JsonNull.INSTANCE;
      case 1:
        return JsonBoolean.of(random.nextBoolean());
      case 2:
        return new JsonString(randomString(random));
      case 3:
        return randomNumber(random);
      case 4:
        return new JsonString(randomString(random).repeat(2));
      case 5:
        List<JsonValue> values = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          values.add(randomValue(random, depth + 1));
        }
        return new JsonArray(values);
      default:
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          members.put(randomString(random), randomValue(random, depth + 1));
        }
        return new JsonObject(members);
    }
  }

  private static JsonNumber randomNumber(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return JsonNumber.of(random.nextLong());
      case 1:
        return JsonNumber.of(random.nextInt(1000) - 500);
      case 2:
        return JsonNumber.of((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20));
      default:
        BigInteger unscaled = new BigInteger(1 + random.nextInt(200), random);
        return new JsonNumber(
            new BigDecimal(
                random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(200) - 100));
    }
  }

  private static String randomString(Random random) {
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      switch (random.nextInt(6)) {
        case 0 -> out.append((char) random.nextInt(0x20)); // control
        case 1 -> out.append("\"\\/".charAt(random.nextInt(3)));
        case 2 -> out.appendCodePoint(0x80 + random.nextInt(0x700)); // two-byte UTF-8
        case 3 -> out.appendCodePoint(0x10000 + random.nextInt(0x100000)); // surrogate pair
        case 4 -> out.append((char) (0xd800 + random.nextInt(0x800))); // lone surrogate
        default -> out.append((char) (0x20 + random.nextInt(0x5f)));
      }
    }
    return out.toString();
  }
}
