package io.pocketdock.internal.tar;

import java.time.Instant;

/** Pax times: decimal seconds since the epoch, optionally negative and with a fraction. */
final class PaxTime {
  /** Instant's range in seconds is about 3.2e16, so 17 integer digits is the most worth parsing. */
  private static final int MAX_INTEGER_DIGITS = 17;

  private PaxTime() {}

  static Instant parse(String value, NumericField.Context at) throws TarFormatException {
    int dot = value.indexOf('.');
    String whole = dot < 0 ? value : value.substring(0, dot);
    String fraction = dot < 0 ? "" : value.substring(dot + 1);
    boolean negative = whole.startsWith("-");
    String digits = negative ? whole.substring(1) : whole;
    if (digits.isEmpty()
        || digits.length() > MAX_INTEGER_DIGITS
        || fraction.length() > 64
        || !allDigits(digits)
        || !allDigits(fraction)) {
      throw at.error("bad pax mtime: " + EntryDecoder.abbreviate(value));
    }
    long seconds = Long.parseLong(digits);
    String nineDigits = (fraction + "000000000").substring(0, 9);
    long nanos = Long.parseLong(nineDigits);
    try {
      // -1.5 means one and a half seconds before the epoch: -2 seconds plus half a second.
      return negative
          ? Instant.ofEpochSecond(-seconds).minusNanos(nanos)
          : Instant.ofEpochSecond(seconds, nanos);
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw at.error("pax mtime out of range: " + EntryDecoder.abbreviate(value));
    }
  }

  private static boolean allDigits(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
