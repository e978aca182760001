package io.pocketdock.internal.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses and writes JSON text.
 *
 * <p>Parsing is strict RFC 8259: no comments, trailing commas, single quotes, leading zeros, NaN or
 * Infinity, unescaped control characters, duplicate member names or trailing content. Nesting is
 * limited to 512 levels. Every malformed input fails with a {@link JsonException} giving the
 * position, never with another exception.
 */
public final class Json {

  private Json() {}

  /**
   * Parses one JSON text.
   *
   * @param text the JSON text
   * @return the value
   * @throws JsonException if the text is not valid JSON
   */
  public static JsonValue parse(String text) {
    return JsonReader.parse(text);
  }

  /**
   * Parses one JSON text encoded as UTF-8.
   *
   * @param utf8 the encoded JSON text
   * @return the value
   * @throws JsonException if the bytes are not valid UTF-8 or not valid JSON
   */
  public static JsonValue parse(byte[] utf8) {
    return JsonReader.parse(decode(utf8));
  }

  /**
   * Parses a JSON text that must be an object, as engine responses mostly are.
   *
   * @param text the JSON text
   * @return the object
   * @throws JsonException if the text is not valid JSON or not an object
   */
  public static JsonObject parseObject(String text) {
    return asObject(parse(text));
  }

  /**
   * Parses a UTF-8 JSON text that must be an object.
   *
   * @param utf8 the encoded JSON text
   * @return the object
   * @throws JsonException if the bytes are not valid UTF-8, not valid JSON or not an object
   */
  public static JsonObject parseObject(byte[] utf8) {
    return asObject(parse(utf8));
  }

  /**
   * Writes a value as compact JSON text.
   *
   * @param value the value
   * @return the JSON text; encode it as UTF-8 to send it
   */
  public static String write(JsonValue value) {
    return JsonWriter.write(value);
  }

  private static JsonObject asObject(JsonValue value) {
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new JsonException("expected a JSON object but found type " + value.typeName());
  }

  private static String decode(byte[] utf8) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8);
    // UTF-8 never decodes to more UTF-16 units than it has bytes.
    CharBuffer out = CharBuffer.allocate(utf8.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (utf8[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      String hex = Integer.toHexString(utf8[offset] & 0xff);
      throw new JsonException("invalid UTF-8 byte 0x" + hex, offset, line, offset - lineStart + 1);
    }
    return out.flip().toString();
  }
}
