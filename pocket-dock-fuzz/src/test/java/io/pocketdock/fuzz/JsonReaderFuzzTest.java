package io.pocketdock.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonException;
import io.pocketdock.internal.json.JsonValue;

/** The JSON reader: any bytes either parse, and then round-trip, or fail with JsonException. */
class JsonReaderFuzzTest {

  @FuzzTest
  void parse_anyBytes_valueOrJsonException(byte[] input) {
    JsonValue value;
    try {
      value = Json.parse(input);
    } catch (JsonException expected) {
      return;
    }
    String written = Json.write(value);
    if (!Json.parse(written).equals(value)) {
      throw new AssertionError("round trip changed the value: " + written);
    }
  }
}
