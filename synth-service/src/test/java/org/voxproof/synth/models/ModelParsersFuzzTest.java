package org.voxproof.synth.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.voxproof.synth.engine.PiperConfig;

/**
 * Hostile model files and configs: the ONNX structure check and the Piper config reader either
 * accept or refuse with {@link ModelRejectedException}, never anything else. A normal build runs
 * the seeds in {@code ModelParsersFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ModelParsersFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void requireOnnx_anyBytes_acceptedOrRefused(byte[] data) {
    try {
      ModelFormats.requireOnnx(data);
    } catch (ModelRejectedException e) {
      assertThat(e.reason()).isEqualTo("model_format_refused");
    }
  }

  @FuzzTest(maxDuration = "5m")
  void piperConfig_anyText_parsedOrRefused(byte[] data) {
    try {
      PiperConfig c = PiperConfig.parse(new String(data, StandardCharsets.UTF_8));
      assertThat(c.sampleRate()).isBetween(8000, 96000);
    } catch (ModelRejectedException e) {
      assertThat(e.reason()).isEqualTo("model_config_invalid");
    }
  }
}
