package org.voxproof.synth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.voxproof.synth.TestFiles;
import org.voxproof.synth.models.ModelRejectedException;

class PiperConfigTest {
  private static final String MIN =
      "{\"audio\":{\"sample_rate\":16000},\"espeak\":{\"voice\":\"de\"},"
          + "\"phoneme_id_map\":{\"_\":[0],\"^\":[1],\"$\":[2],\"a\":[5,6]}}";

  private static void refused(String json, String message) {
    assertThatThrownBy(() -> PiperConfig.parse(json))
        .isInstanceOf(ModelRejectedException.class)
        .hasMessage("Piper config: " + message);
  }

  @Test
  void parse_tinyModelConfig_readsPiperFields() throws Exception {
    PiperConfig c =
        PiperConfig.parse(
            new String(TestFiles.model("tiny-piper.onnx.json"), StandardCharsets.UTF_8));
    assertThat(c.sampleRate()).isEqualTo(22_050);
    assertThat(c.espeakVoice()).isEqualTo("en-us");
    assertThat(c.noiseScale()).isEqualTo(0.667f);
    assertThat(c.lengthScale()).isEqualTo(1.0f);
    assertThat(c.noiseW()).isEqualTo(0.8f);
    assertThat(c.numSpeakers()).isEqualTo(1);
    assertThat(c.ids('ə')).containsExactly(59);
  }

  @Test
  void parse_minimal_piperDefaults() throws Exception {
    PiperConfig c = PiperConfig.parse(MIN);
    assertThat(c.noiseScale()).isEqualTo(0.667f);
    assertThat(c.lengthScale()).isEqualTo(1.0f);
    assertThat(c.noiseW()).isEqualTo(0.8f);
    assertThat(c.ids('a')).containsExactly(5, 6);
    assertThat(c.ids('z')).isNull();
  }

  @Test
  void parse_badFields_refusedByName() {
    refused("[]", "not a JSON object");
    assertThatThrownBy(() -> PiperConfig.parse("{"))
        .isInstanceOf(ModelRejectedException.class)
        .hasMessageStartingWith("Piper config: not valid JSON: Unexpected end-of-input");
    refused(MIN.replace("16000", "4000"), "audio.sample_rate must be an integer in 8000..96000");
    refused(MIN.replace("\"de\"", "\"-w x\""), "espeak.voice is missing or not a voice name");
    refused(
        MIN.replace("\"a\":[5,6]", "\"ab\":[5]"), "phoneme_id_map key 'ab' is not one code point");
    refused(MIN.replace("\"$\":[2],", ""), "phoneme_id_map lacks '$'");
    refused(MIN.replace("[5,6]", "[-1]"), "phoneme id must be an integer in 0..1000000");
    refused(
        MIN.replace("{\"audio\"", "{\"phoneme_type\":\"text\",\"audio\""),
        "phoneme_type 'text' is not supported (espeak only)");
    refused(
        MIN.replace("{\"audio\"", "{\"inference\":{\"length_scale\":0},\"audio\""),
        "inference.length_scale must be a number in (0, 10]");
  }
}
