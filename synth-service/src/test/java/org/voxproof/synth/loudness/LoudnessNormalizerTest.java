package org.voxproof.synth.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LoudnessNormalizerTest {
  private static final int RATE = 22_050;

  /** Speech-like: 300 ms noise bursts, 200 ms pauses, 6 s, at roughly -30 LUFS. */
  static float[] bursts(double amplitude) {
    Random r = new Random(7);
    float[] x = new float[6 * RATE];
    for (int i = 0; i < x.length; i++) {
      boolean on = (i % (RATE / 2)) < RATE * 3 / 10;
      x[i] = on ? (float) (amplitude * r.nextGaussian()) : 0f;
    }
    return x;
  }

  @Test
  void normalize_toMinus16_reachesTargetWithinAHundredthOfALu() {
    LoudnessNormalizer n = LoudnessNormalizer.builder().targetLufs(-16).ceilingDb(-1).build();
    LoudnessNormalizer.Result r = n.normalize(bursts(0.02), RATE);
    assertThat(r.peakLimited()).isFalse();
    assertThat(r.outputLufs()).isCloseTo(-16, within(0.01));
    assertThat(Loudness.integrated(new float[][] {r.pcm()}, RATE)).isCloseTo(-16, within(0.01));
    assertThat(r.gainDb()).isCloseTo(-16 - r.inputLufs(), within(1e-9));
  }

  @Test
  void normalize_defaultTarget_isEbuR128() {
    LoudnessNormalizer.Result r = LoudnessNormalizer.builder().build().normalize(bursts(0.3), RATE);
    assertThat(r.outputLufs()).isCloseTo(-23, within(0.01));
  }

  @Test
  void normalize_peakWouldExceedCeiling_gainReducedAndFlagged() {
    float[] x = LoudnessTest.sine(440, -30, 3, RATE, 0);
    x[RATE] = 0.5f; // one click, 24 dB above the tone
    LoudnessNormalizer n = LoudnessNormalizer.builder().targetLufs(-10).ceilingDb(-1).build();
    LoudnessNormalizer.Result r = n.normalize(x, RATE);
    assertThat(r.peakLimited()).isTrue();
    assertThat(r.peakDb()).isLessThanOrEqualTo(-1 + 1e-6);
    assertThat(r.outputLufs()).isLessThan(-10);
  }

  @Test
  void normalize_gainCap_bindsOnVeryQuietInput() {
    float[] x = LoudnessTest.sine(440, -60, 3, RATE, 0);
    LoudnessNormalizer n = LoudnessNormalizer.builder().targetLufs(-16).maxGainDb(20).build();
    LoudnessNormalizer.Result r = n.normalize(x, RATE);
    assertThat(r.gainDb()).isEqualTo(20.0);
    assertThat(r.peakLimited()).isTrue();
  }

  @Test
  void normalize_silence_unchanged() {
    LoudnessNormalizer.Result r =
        LoudnessNormalizer.builder().build().normalize(new float[RATE], RATE);
    assertThat(r.inputLufs()).isEqualTo(Loudness.SILENCE);
    assertThat(r.gainDb()).isZero();
    assertThat(r.pcm()).containsOnly(0f);
  }
}
