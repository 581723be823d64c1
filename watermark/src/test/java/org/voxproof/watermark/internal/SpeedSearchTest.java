package org.voxproof.watermark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.voxproof.dsp.Resampler;
import org.voxproof.watermark.Detection;
import org.voxproof.watermark.Payload;
import org.voxproof.watermark.TestAudio;
import org.voxproof.watermark.WatermarkKey;
import org.voxproof.watermark.Watermarker;

class SpeedSearchTest {
  private static final WatermarkKey KEY = new WatermarkKey("k", PayloadCodecTest.secret(1));

  private static Detector detector() {
    return new Detector(List.of(KEY), List.of(new Layout(KEY.secret())), true);
  }

  @Test
  void run_markedSpeechPlayedFaster_findsPayloadAndSpeed() throws Exception {
    float[] y =
        Watermarker.builder()
            .build()
            .embed(TestAudio.speech(16000, 10), 16000, new Payload(0x5eed5eed), KEY);
    float[] fast = Resampler.stretch(y, 1 / 1.12);

    Optional<Detection> d = new SpeedSearch(detector()).run(fast, 8929);

    assertThat(d).isPresent();
    assertThat(d.get().payload()).contains(new Payload(0x5eed5eed));
    assertThat(d.get().speedFactor()).isBetween(1.11, 1.13);
  }

  @Test
  void run_unmarkedNoise_findsNothing() {
    float[] x = TestAudio.whiteNoise(10 * 16000, 0.1, 9);

    assertThat(new SpeedSearch(detector()).run(x, 10_000)).isEmpty();
  }
}
