package io.pocketdock.internal.tar;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pax extended-header records: {@code "<length> <key>=<value>\n"}, length counting itself. */
final class PaxRecords {
  private PaxRecords() {}

  /** Parses a whole extended header; every byte must belong to a well-formed record. */
  static Map<String, String> parse(byte[] data, NumericField.Context at) throws TarFormatException {
    Map<String, String> records = new LinkedHashMap<>();
    int pos = 0;
    while (pos < data.length) {
      int space = pos;
      long length = 0;
      while (space < data.length && data[space] >= '0' && data[space] <= '9') {
        length = length * 10 + (data[space] - '0');
        if (length > data.length) {
          throw at.error("pax record length beyond its header");
        }
        space++;
      }
      if (space == pos || space >= data.length || data[space] != ' ') {
        throw at.error("malformed pax record length");
      }
      int end = pos + (int) length; // exclusive; the byte before it must be the newline
      if (length <= space - pos + 1 || end > data.length || data[end - 1] != '\n') {
        throw at.error("malformed pax record");
      }
      int equals = space + 1;
      while (equals < end - 1 && data[equals] != '=') {
        equals++;
      }
      if (equals == space + 1 || (equals >= end - 1 && data[equals] != '=')) {
        throw at.error("malformed pax record key");
      }
      String key = new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8);
      String value = new String(data, equals + 1, end - 1 - equals - 1, StandardCharsets.UTF_8);
      records.put(key, value);
      pos = end;
    }
    return records;
  }

  /** Encodes records in order. */
  static byte[] format(Map<String, String> records) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> record : records.entrySet()) {
      String body = " " + record.getKey() + "=" + record.getValue() + "\n";
      int bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
      // The length counts its own digits, so growing the digit count can grow the length again.
      int length = bodyBytes + 1;
      while (Integer.toString(length).length() + bodyBytes != length) {
        length = Integer.toString(length).length() + bodyBytes;
      }
      out.append(length).append(body);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
