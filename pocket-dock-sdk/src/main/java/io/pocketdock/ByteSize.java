package io.pocketdock;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory, parsed the way container engines and humans write it: {@code 256m},
 * {@code 1g}, {@code 1.5GiB}, {@code 512k}, {@code 1048576}. Units are binary (k = 1024).
 *
 * @param bytes the exact number of bytes, positive
 */
public record ByteSize(long bytes) {

  private static final Pattern FORMAT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

  /** Validates that the size is positive. */
  public ByteSize {
    if (bytes <= 0) {
      throw InvalidArgumentException.of("size", "a size must be positive, got " + bytes);
    }
  }

  /** An exact number of bytes. */
  public static ByteSize of(long bytes) {
    return new ByteSize(bytes);
  }

  /** A number of mebibytes. */
  public static ByteSize ofMebibytes(long mebibytes) {
    return new ByteSize(Math.multiplyExact(mebibytes, 1L << 20));
  }

  /**
   * Parses {@code 256m}, {@code 1g}, {@code 1.5gb}, {@code 64MiB}, {@code 4096} (bytes).
   *
   * @throws InvalidArgumentException when the text is not a size, or is zero or too large
   */
  public static ByteSize parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new InvalidArgumentException(
          "parse size",
          "not a size: '" + text + "'",
          "write a number with an optional unit k, m, g or t, e.g. 256m or 1g");
    }
    int shift =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          default -> 0;
        };
    BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift));
    if (value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new InvalidArgumentException(
          "parse size", "size out of range: '" + text + "'", "use a value from 1 byte upwards");
    }
    return new ByteSize(value.longValue());
  }

  /** The shortest exact form, e.g. {@code 256m}, {@code 1g}, or plain bytes. */
  @Override
  public String toString() {
    String units = "kmgt";
    for (int i = units.length(); i > 0; i--) {
      long unit = 1L << (10 * i);
      if (bytes % unit == 0) {
        return bytes / unit + units.substring(i - 1, i);
      }
    }
    return Long.toString(bytes);
  }
}
