package org.voxproof.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Hostile key files only ever produce {@link WatermarkException} (never another exception), and a
 * file that parses writes back to a file that parses to the same key. A normal build runs the seeds
 * in {@code WatermarkKeyFileFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class WatermarkKeyFileFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void fuzzParse(byte[] data) throws WatermarkException {
    WatermarkKey key;
    try {
      key = WatermarkKeyFile.parse(data);
    } catch (WatermarkException e) {
      assertThat(e.getMessage()).startsWith("not a watermark key file: ");
      return;
    }
    assertThat(WatermarkKeyFile.parse(WatermarkKeyFile.write(key))).isEqualTo(key);
  }
}
