package org.voxproof.watermark.internal;

import java.util.Random;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * A crude pitch shift that keeps the tempo, for tests without sox: per STFT frame (512 samples,
 * Hann, hop 128), the magnitude at bin k is the input's at k / factor; each bin keeps a fixed
 * random phase advanced at its centre frequency. Band energies move up by {@code factor}, time
 * stays.
 */
final class PitchShift {
  private static final int N = 512;
  private static final int HOP = 128;

  private PitchShift() {}

  static float[] of(float[] x, double factor) {
    FloatFFT_1D fft = new FloatFFT_1D(N);
    float[] win = Grid.HANN;
    double[] phase0 = new Random(7).doubles(N / 2, 0, 2 * Math.PI).toArray();
    float[] y = new float[x.length];
    float[] buf = new float[N];
    float[] mag = new float[N / 2 + 1];
    for (int t = 0; t * HOP + N <= x.length; t++) {
      for (int i = 0; i < N; i++) {
        buf[i] = x[t * HOP + i] * win[i];
      }
      fft.realForward(buf);
      for (int k = 1; k < N / 2; k++) {
        mag[k] = (float) Math.hypot(buf[2 * k], buf[2 * k + 1]);
      }
      java.util.Arrays.fill(buf, 0f);
      for (int k = 1; k < N / 2; k++) {
        double src = k / factor;
        int j = (int) src;
        if (j < 1 || j + 1 >= N / 2) {
          continue;
        }
        double m = mag[j] + (src - j) * (mag[j + 1] - mag[j]);
        double ph = phase0[k] + 2 * Math.PI * k * HOP * t / N;
        buf[2 * k] = (float) (m * Math.cos(ph));
        buf[2 * k + 1] = (float) (m * Math.sin(ph));
      }
      fft.realInverse(buf, true);
      for (int i = 0; i < N; i++) {
        y[t * HOP + i] += buf[i] * win[i] / 1.5f;
      }
    }
    return y;
  }
}
