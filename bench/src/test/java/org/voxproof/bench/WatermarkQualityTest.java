package org.voxproof.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WatermarkQualityTest {
  @Test
  void of_identicalClip_isPerfect() {
    float[] x = PesqStyleTest.speechLike(16000, 7);
    WatermarkQuality q = WatermarkQuality.of(x, x.clone(), 16000);
    assertThat(q.snrDb()).isInfinite();
    assertThat(q.lsdDb()).isZero();
    assertThat(q.pesq()).isEqualTo(4.5);
    assertThat(q.pesqNoise()).isEqualTo(4.5);
  }

  @Test
  void whiteNoiseAt_hasTheRequestedSnr() {
    float[] x = PesqStyleTest.speechLike(16000, 8);
    float[] y = WatermarkQuality.whiteNoiseAt(x, 30);
    assertThat(WatermarkQuality.snr(x, y, 0, x.length)).isCloseTo(30, within(0.1));
  }

  @Test
  void of_noisyClip_scoresLikeItsWhiteNoiseReference() {
    float[] x = PesqStyleTest.speechLike(16000, 9);
    WatermarkQuality q = WatermarkQuality.of(x, WatermarkQuality.whiteNoiseAt(x, 25), 16000);
    assertThat(q.snrDb()).isCloseTo(25, within(0.1));
    assertThat(q.pesq()).isCloseTo(q.pesqNoise(), within(0.01));
    assertThat(q.lsdDb()).isPositive();
  }
}
