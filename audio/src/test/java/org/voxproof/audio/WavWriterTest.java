package org.voxproof.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {
  private static float[][] stereoRamp() {
    float[][] x = new float[2][1000];
    for (int i = 0; i < 1000; i++) {
      x[0][i] = (i - 500) / 512f; // exact in 16 bits
      x[1][i] = (500 - i) / 512f;
    }
    return x;
  }

  @Test
  void pcm16_roundTripsThroughDecoder_bitExact() throws Exception {
    float[][] x = stereoRamp();

    DecodedAudio a = AudioDecoder.create().decode(WavWriter.pcm16().toBytes(x, 16000));

    assertThat(a.info()).isEqualTo(new AudioInfo("wav", "pcm_s16le", 16000, 2, 1000 / 16000.0));
    assertThat(a.channels()[0]).containsExactly(x[0]);
    assertThat(a.channels()[1]).containsExactly(x[1]);
  }

  @Test
  void float32_roundTripsThroughDecoder_bitExact() throws Exception {
    float[][] x = {{0.1f, -0.333f, 0.999f, 1e-7f}};

    DecodedAudio a = AudioDecoder.create().decode(WavWriter.float32().toBytes(x, 48000));

    assertThat(a.info().codec()).isEqualTo("pcm_f32le");
    assertThat(a.channels()[0]).containsExactly(x[0]);
  }

  @Test
  void pcm16_clipsOutOfRangeSamples() throws Exception {
    float[][] x = {{2f, -2f, 0.5f}};

    DecodedAudio a = AudioDecoder.create().decode(WavWriter.pcm16().toBytes(x, 8000));

    assertThat(a.channels()[0]).containsExactly(32767 / 32768f, -1f, 0.5f);
  }

  @Test
  void write_toPath_matchesBytes(@TempDir Path dir) throws Exception {
    float[][] x = stereoRamp();
    Path file = dir.resolve("x.wav");

    WavWriter.pcm16().write(x, 22050, file);

    assertThat(Files.readAllBytes(file)).isEqualTo(WavWriter.pcm16().toBytes(x, 22050));
    assertThat(Files.size(file)).isEqualTo(44 + 4000);
  }
}
