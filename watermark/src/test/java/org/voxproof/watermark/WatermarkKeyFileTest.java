package org.voxproof.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatermarkKeyFileTest {
  private static final String HEX64 =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  @Test
  void parse_written_isTheSameKey() throws Exception {
    WatermarkKey key = WatermarkKey.generate(new SecureRandom());

    WatermarkKey back = WatermarkKeyFile.parse(WatermarkKeyFile.write(key));

    assertThat(back).isEqualTo(key);
  }

  @Test
  void write_key_hasTheDocumentedShape() {
    WatermarkKey key = new WatermarkKey("wm-01", java.util.HexFormat.of().parseHex(HEX64));

    String json = new String(WatermarkKeyFile.write(key), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"type\":\"voxproof-watermark-key\",\"keyId\":\"wm-01\",\"secret\":\""
                + HEX64
                + "\"}\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all|not a watermark key file: not JSON",
        "[1,2]|not a watermark key file: type is not voxproof-watermark-key",
        "{\"type\":\"other\",\"keyId\":\"a\",\"secret\":\""
            + HEX64
            + "\"}|not a watermark key file: type is not voxproof-watermark-key",
        "{\"type\":\"voxproof-watermark-key\",\"secret\":\""
            + HEX64
            + "\"}|not a watermark key file: bad keyId",
        "{\"type\":\"voxproof-watermark-key\",\"keyId\":\"a b\",\"secret\":\""
            + HEX64
            + "\"}|not a watermark key file: bad keyId",
        "{\"type\":\"voxproof-watermark-key\",\"keyId\":7,\"secret\":\""
            + HEX64
            + "\"}|not a watermark key file: bad keyId",
        "{\"type\":\"voxproof-watermark-key\",\"keyId\":\"a\",\"secret\":\"00ff\"}"
            + "|not a watermark key file: secret is not 64 hex digits",
        "{\"type\":\"voxproof-watermark-key\",\"keyId\":\"a\",\"keyId\":\"b\",\"secret\":\""
            + HEX64
            + "\"}|not a watermark key file: not JSON",
        "{\"type\":\"voxproof-watermark-key\",\"keyId\":\"a\",\"secret\":\""
            + HEX64
            + "\"} trailing|not a watermark key file: not JSON",
      })
  void parse_badFile_namesTheProblem(String file, String message) {
    assertThatThrownBy(() -> WatermarkKeyFile.parse(file.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WatermarkException.class)
        .hasMessage(message);
  }

  @Test
  void parse_tooLarge_refusedBeforeParsing() {
    byte[] big = new byte[WatermarkKeyFile.MAX_BYTES + 1];

    assertThatThrownBy(() -> WatermarkKeyFile.parse(big))
        .isInstanceOf(WatermarkException.class)
        .hasMessage("not a watermark key file: larger than 64 KiB");
  }
}
