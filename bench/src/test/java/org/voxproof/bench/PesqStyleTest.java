package org.voxproof.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PesqStyleTest {
  /** 6 s of a speech-like signal: voiced syllables (harmonics under two formants) and pauses. */
  static float[] speechLike(int rate, long seed) {
    Random r = new Random(seed);
    float[] x = new float[6 * rate];
    double phase = 0;
    for (int i = 0; i < x.length; i++) {
      double t = (double) i / rate;
      double syllable = Math.max(0, Math.sin(2 * Math.PI * 3.1 * t));
      double pause = (t % 2.0) < 1.6 ? 1 : 0;
      double f0 = 120 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
      phase += 2 * Math.PI * f0 / rate;
      double v = 0;
      for (int h = 1; h * f0 < 0.45 * rate && h <= 60; h++) {
        double f = h * f0;
        double formants =
            1 / (1 + Math.pow((f - 600) / 200, 2)) + 0.5 / (1 + Math.pow((f - 1800) / 300, 2));
        v += (formants + 0.02) * Math.sin(h * phase);
      }
      x[i] = (float) (0.1 * v * syllable * pause + 1e-4 * r.nextGaussian());
    }
    return x;
  }

  static float[] withNoise(float[] x, double snrDb, long seed) {
    Random r = new Random(seed);
    double e = 0;
    for (float v : x) {
      e += v * v;
    }
    double std = Math.sqrt(e / x.length / Math.pow(10, snrDb / 10));
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = (float) (x[i] + std * r.nextGaussian());
    }
    return y;
  }

  @Test
  void of_identicalSignals_isTheBestScore() {
    float[] x = speechLike(16000, 1);
    PesqStyle q = PesqStyle.of(x, x.clone(), 16000);
    assertThat(q.raw()).isEqualTo(4.5);
    assertThat(q.mosLqo()).isCloseTo(PesqStyle.mosLqo(4.5), within(1e-12));
  }

  @Test
  void of_identicalSignalsAt48k_isTheBestScore() {
    float[] x = speechLike(48000, 2);
    assertThat(PesqStyle.of(x, x.clone(), 48000).raw()).isEqualTo(4.5);
  }

  @Test
  void of_moreWhiteNoise_scoresMonotonicallyWorse() {
    float[] x = speechLike(16000, 3);
    double previous = 4.5;
    for (double snr : new double[] {50, 40, 30, 20, 10, 0}) {
      double raw = PesqStyle.of(x, withNoise(x, snr, 4), 16000).raw();
      assertThat(raw).as("SNR %.0f dB", snr).isLessThan(previous);
      previous = raw;
    }
    assertThat(previous).as("0 dB SNR").isLessThan(2.0);
  }

  @Test
  void of_quieterCopy_isForgivenByGainCompensation() {
    float[] x = speechLike(16000, 5);
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 0.5f * x[i];
    }
    double scaled = PesqStyle.of(x, y, 16000).raw();
    double noisy = PesqStyle.of(x, withNoise(x, 20, 6), 16000).raw();
    assertThat(scaled).isGreaterThan(4.3).isGreaterThan(noisy);
  }

  @Test
  void mosLqo_isP862_1Mapping() {
    assertThat(PesqStyle.mosLqo(4.5)).isCloseTo(4.549, within(1e-3));
    assertThat(PesqStyle.mosLqo(-0.5)).isCloseTo(1.016, within(1e-3));
    assertThat(PesqStyle.mosLqo(3.0)).isGreaterThan(PesqStyle.mosLqo(2.0));
  }

  @Test
  void of_differentLengths_isRefused() {
    assertThatThrownBy(() -> PesqStyle.of(new float[1000], new float[999], 16000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length");
  }
}
