package io.pocketdock.internal.json;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A JSON number, held exactly.
 *
 * <p>Equality is numeric: {@code 1}, {@code 1.0} and {@code 1e0} are equal, so that a value
 * survives a write/parse round trip as an equal value whatever scale it was written with.
 *
 * @param value the exact decimal value
 */
public record JsonNumber(BigDecimal value) implements JsonValue {

  /** Rejects a null value. */
  public JsonNumber {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Returns a number for an integer.
   *
   * @param value the integer
   * @return the number
   */
  public static JsonNumber of(long value) {
    return new JsonNumber(BigDecimal.valueOf(value));
  }

  /**
   * Returns a number for a finite double, using its shortest decimal form.
   *
   * @param value the double
   * @return the number
   * @throws IllegalArgumentException if the value is NaN or infinite, which JSON cannot express
   */
  public static JsonNumber of(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("JSON has no representation for " + value);
    }
    return new JsonNumber(BigDecimal.valueOf(value));
  }

  /**
   * Returns the value as a {@code long}.
   *
   * @return the exact integer value
   * @throws JsonException if the value has a fractional part or does not fit in 64 bits
   */
  public long longValue() {
    try {
      // longValueExact rejects huge exponents before expanding them, so 1e999999999 is cheap.
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw new JsonException("number " + abbreviated() + " is not a 64-bit integer");
    }
  }

  /**
   * Returns the value as an {@code int}.
   *
   * @return the exact integer value
   * @throws JsonException if the value has a fractional part or does not fit in 32 bits
   */
  public int intValue() {
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      throw new JsonException("number " + abbreviated() + " is not a 32-bit integer");
    }
  }

  /**
   * Returns the nearest {@code double}; magnitudes beyond its range become infinite.
   *
   * @return the value rounded to a double
   */
  public double doubleValue() {
    return value.doubleValue();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof JsonNumber number && value.compareTo(number.value) == 0;
  }

  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }

  @Override
  public String toString() {
    return "JsonNumber[" + abbreviated() + "]";
  }

  private String abbreviated() {
    String text = value.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
