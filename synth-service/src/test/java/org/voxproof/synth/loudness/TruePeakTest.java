package org.voxproof.synth.loudness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chunk skipping in {@link TruePeak#truePeak} never changes the result. */
class TruePeakTest {
  /** Every output of every phase, as BS.1770-4 Annex 2 describes it, without skipping. */
  private static double bruteForce(float[] x) {
    double peak = TruePeak.samplePeak(x);
    double[][] phases = TruePeak.PHASES;
    for (int n = 0; n < x.length + 11; n++) {
      for (double[] h : phases) {
        double acc = 0;
        for (int k = 0; k < 12; k++) {
          int i = n - k;
          acc += i >= 0 && i < x.length ? h[k] * x[i] : 0;
        }
        peak = Math.max(peak, Math.abs(acc));
      }
    }
    return peak;
  }

  @Test
  void truePeak_speechLikeBurstsWithInterSamplePeaks_equalsBruteForce() {
    Random r = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      float[] x = new float[22050 * 2];
      for (int i = 0; i < x.length; i++) {
        double envelope = (i / 2205) % 3 == 0 ? 0.9 : 0.02 + 0.2 * r.nextDouble();
        // fs/4 at 45 degrees has inter-sample peaks 3 dB above its samples
        x[i] =
            (float)
                (envelope * Math.sin(Math.PI / 2 * i + Math.PI / 4) * (0.5 + r.nextDouble() / 2));
      }
      double expected = bruteForce(x);
      assertThat(expected).isGreaterThan(TruePeak.samplePeak(x) * 1.2); // peaks between samples
      assertThat(TruePeak.truePeak(x, 22050)).isEqualTo(expected);
    }
  }

  @Test
  void truePeak_quietEverywhere_equalsBruteForce() {
    Random r = new Random(3);
    float[] x = new float[5000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (1e-3 * r.nextGaussian());
    }
    assertThat(TruePeak.truePeak(x, 16000)).isEqualTo(bruteForce(x));
  }
}
