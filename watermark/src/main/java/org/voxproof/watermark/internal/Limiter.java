package org.voxproof.watermark.internal;

/**
 * Scales the watermark per 1 s block so that each block keeps a minimum SNR and x + w never exceeds
 * full scale; gains change with short ramps that never exceed either block's gain.
 */
public final class Limiter {
  private static final float CEILING = 0.999f;

  private Limiter() {}

  /** Returns x + g·w with per-block gains g; {@code snrDb} is the minimum SNR of each block. */
  public static float[][] apply(float[][] x, float[] w, int rate, double snrDb) {
    int block = rate;
    int blocks = (w.length + block - 1) / block;
    double[] gains = new double[blocks];
    for (int k = 0; k < blocks; k++) {
      int from = k * block;
      int to = Math.min(w.length, from + block);
      gains[k] = Math.min(snrGain(x, w, from, to, snrDb), clipGain(x, w, from, to));
    }
    int ramp = Math.max(1, rate / 100);
    float[][] y = new float[x.length][];
    for (int c = 0; c < x.length; c++) {
      y[c] = new float[w.length];
      for (int i = 0; i < w.length; i++) {
        y[c][i] = (float) (x[c][i] + gainAt(gains, i, block, ramp) * w[i]);
      }
    }
    return y;
  }

  private static double gainAt(double[] gains, int i, int block, int ramp) {
    int k = i / block;
    int pos = i - k * block;
    double g = gains[k];
    if (pos < ramp && k > 0) {
      double m = Math.min(g, gains[k - 1]);
      return m + (g - m) * pos / ramp;
    }
    int toEnd = block - pos;
    if (toEnd <= ramp && k + 1 < gains.length) {
      double m = Math.min(g, gains[k + 1]);
      return m + (g - m) * (toEnd - 1) / ramp;
    }
    return g;
  }

  private static double snrGain(float[][] x, float[] w, int from, int to, double snrDb) {
    double ex = 0;
    double ew = 0;
    for (int i = from; i < to; i++) {
      ew += (double) w[i] * w[i];
      for (float[] ch : x) {
        ex += (double) ch[i] * ch[i];
      }
    }
    ex /= x.length;
    if (ew == 0) {
      return 1;
    }
    return Math.min(1, Math.sqrt(ex * Math.pow(10, -snrDb / 10) / ew));
  }

  private static double clipGain(float[][] x, float[] w, int from, int to) {
    double g = 1;
    for (float[] ch : x) {
      for (int i = from; i < to; i++) {
        float v = ch[i];
        if (v * w[i] > 0 && Math.abs(v + w[i]) > CEILING) {
          g = Math.min(g, Math.max(0, (CEILING - Math.abs(v)) / Math.abs(w[i])));
        }
      }
    }
    return g;
  }
}
