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
    double floor = Math.pow(10, -snrDb / 10);
    double[] gains = new double[blocks];
    for (int k = 0; k < blocks; k++) {
      int from = k * block;
      int to = Math.min(w.length, from + block);
      gains[k] = Math.min(snrGain(x, w, from, to, floor), clipGain(x, w, from, to));
    }
    float[] g = gainCurve(gains, block, w.length, Math.max(1, rate / 100));
    float[][] y = new float[x.length][];
    for (int c = 0; c < x.length; c++) {
      float[] xc = x[c];
      float[] yc = new float[w.length];
      for (int i = 0; i < yc.length; i++) {
        yc[i] = xc[i] + g[i] * w[i];
      }
      y[c] = yc;
    }
    return y;
  }

  /** Per-sample gain: constant per block, ramping over {@code ramp} samples to the lower gain. */
  private static float[] gainCurve(double[] gains, int block, int length, int ramp) {
    float[] g = new float[length];
    for (int k = 0; k < gains.length; k++) {
      int from = k * block;
      int to = Math.min(length, from + block);
      java.util.Arrays.fill(g, from, to, (float) gains[k]);
      if (k == 0) {
        continue;
      }
      double m = Math.min(gains[k - 1], gains[k]);
      for (int j = 0; j < ramp && from - 1 - j >= 0 && from + j < to; j++) {
        double f = (double) j / ramp;
        g[from - 1 - j] = (float) (m + (gains[k - 1] - m) * f);
        g[from + j] = (float) (m + (gains[k] - m) * f);
      }
    }
    return g;
  }

  private static double snrGain(float[][] x, float[] w, int from, int to, double floor) {
    double ex = 0;
    double ew = 0;
    for (int i = from; i < to; i++) {
      ew += w[i] * w[i];
    }
    for (float[] ch : x) {
      for (int i = from; i < to; i++) {
        ex += ch[i] * ch[i];
      }
    }
    ex /= x.length;
    return ew == 0 ? 1 : Math.min(1, Math.sqrt(ex * floor / ew));
  }

  private static double clipGain(float[][] x, float[] w, int from, int to) {
    double g = 1;
    for (float[] ch : x) {
      for (int i = from; i < to; i++) {
        float v = ch[i];
        float s = v + w[i];
        if (s > CEILING || s < -CEILING) {
          g = Math.min(g, headroom(v, w[i]));
        }
      }
    }
    return g;
  }

  /** Largest g in [0, 1] with |v + g·w| within the ceiling (or not beyond |v| when v clips). */
  private static double headroom(float v, float w) {
    if (v * w <= 0) {
      return 1;
    }
    return Math.max(0, (CEILING - Math.abs(v)) / Math.abs(w));
  }
}
