package io.pocketdock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

  @ParameterizedTest
  @CsvSource({
    "256m, 268435456",
    "1g, 1073741824",
    "1G, 1073741824",
    "1.5g, 1610612736",
    "512k, 524288",
    "64MiB, 67108864",
    "64mb, 67108864",
    "4096, 4096",
    "2t, 2199023255552",
    "' 1g ', 1073741824"
  })
  void parse_validText_exactBytes(String text, long bytes) {
    assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "lots", "-1m", "1x", "m", "1.g", "0", "0k", "1 g b", "99999999999t"})
  void parse_malformedOrOutOfRange_invalidArgumentNamingTheText(String text) {
    assertThatThrownBy(() -> ByteSize.parse(text))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @ParameterizedTest
  @CsvSource({"268435456, 256m", "1073741824, 1g", "1000, 1000", "1536, 1536"})
  void toString_exactMultiple_shortForm(long bytes, String text) {
    assertThat(ByteSize.of(bytes)).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"256m", "1g", "3k", "12345"})
  void toString_parse_roundTrips(String text) {
    assertThat(ByteSize.parse(ByteSize.parse(text).toString())).isEqualTo(ByteSize.parse(text));
  }
}
