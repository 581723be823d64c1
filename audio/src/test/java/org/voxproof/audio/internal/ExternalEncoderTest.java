package org.voxproof.audio.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.voxproof.audio.AudioEncoder;
import org.voxproof.audio.AudioInfo;
import org.voxproof.audio.DecodedAudio;

class ExternalEncoderTest {
  private static final DecodedAudio SILENCE =
      new DecodedAudio(new AudioInfo("wav", "pcm_s16le", 16000, 1, 0.01), new float[1][160]);

  @Test
  void encode_toolMissing_throwsIoExceptionNamingTheTool() {
    ExternalEncoder mp3 = new ExternalEncoder(AudioEncoder.Format.MP3, tool -> false);

    assertThatThrownBy(() -> mp3.encode(SILENCE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'lame'")
        .hasMessageContaining("PATH");
  }

  @Test
  void encode_opusToolMissing_namesFfmpeg() {
    ExternalEncoder opus = new ExternalEncoder(AudioEncoder.Format.OPUS, tool -> false);

    assertThatThrownBy(() -> opus.encode(SILENCE)).hasMessageContaining("'ffmpeg'");
  }
}
