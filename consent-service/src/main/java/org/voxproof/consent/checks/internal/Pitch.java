package org.voxproof.consent.checks.internal;

import org.voxproof.dsp.Resampler;

/**
 * Fundamental frequency by normalised autocorrelation at 8 kHz: 40 ms frames every 20 ms, 60–400
 * Hz; a frame is voiced when its best normalised correlation exceeds {@value #VOICED}.
 */
final class Pitch {
  private static final int RATE = 8000;
  private static final int FRAME = 320;
  private static final int HOP = 160;
  private static final int LAG_MIN = RATE / 400;
  private static final int LAG_MAX = RATE / 60;
  private static final double VOICED = 0.6;

  private Pitch() {}

  /** log2 of F0 in Hz of every voiced frame loud enough to be speech. */
  static double[] logF0(float[] x16k) {
    float[] x = Resampler.resample(x16k, Pcm.RATE, RATE);
    int n = x.length < FRAME + LAG_MAX ? 0 : 1 + (x.length - FRAME - LAG_MAX) / HOP;
    double[] energy = new double[n];
    double top = 0;
    for (int t = 0; t < n; t++) {
      double e = 0;
      for (int i = 0; i < FRAME; i++) {
        double v = x[t * HOP + i];
        e += v * v;
      }
      energy[t] = e;
      top = Math.max(top, e);
    }
    double[] out = new double[n];
    int k = 0;
    for (int t = 0; t < n; t++) {
      if (energy[t] < top * 1e-3 || energy[t] <= 0) {
        continue;
      }
      double f0 = frameF0(x, t * HOP, energy[t]);
      if (f0 > 0) {
        out[k++] = Math.log(f0) / Math.log(2);
      }
    }
    return java.util.Arrays.copyOf(out, k);
  }

  private static double frameF0(float[] x, int start, double e0) {
    double best = 0;
    int bestLag = 0;
    for (int lag = LAG_MIN; lag <= LAG_MAX; lag++) {
      double xy = 0;
      double yy = 0;
      for (int i = 0; i < FRAME; i++) {
        double a = x[start + i];
        double b = x[start + i + lag];
        xy += a * b;
        yy += b * b;
      }
      double r = yy <= 0 ? 0 : xy / Math.sqrt(e0 * yy);
      if (r > best) {
        best = r;
        bestLag = lag;
      }
    }
    return best >= VOICED ? (double) RATE / bestLag : 0;
  }
}
