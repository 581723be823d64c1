package org.voxproof.watermark.internal;

/**
 * Windowed-sinc (Kaiser) resampler for any ratio. Output sample {@code j} is the input evaluated at
 * time {@code j / ratio}; the passband is cut at 0.95 of the lower Nyquist frequency.
 */
public final class Resampler {
  private static final int ZEROS = 12;
  private static final int PHASES = 256;
  private static final double BETA = 7.0;
  private static final float[] TABLE = table();

  private Resampler() {}

  /** Resamples {@code in} from rate {@code from} to rate {@code to}. */
  public static float[] resample(float[] in, double from, double to) {
    if (from == to) {
      return in.clone();
    }
    double ratio = to / from;
    int outLen = (int) Math.floor(in.length * ratio);
    float[] out = new float[outLen];
    double cut = Math.min(1.0, ratio) * 0.95;
    double halfWidth = ZEROS / cut;
    for (int j = 0; j < outLen; j++) {
      out[j] = (float) (cut * sample(in, j / ratio, cut, halfWidth));
    }
    return out;
  }

  private static double sample(float[] in, double t, double cut, double halfWidth) {
    int lo = Math.max(0, (int) Math.ceil(t - halfWidth));
    int hi = Math.min(in.length - 1, (int) Math.floor(t + halfWidth));
    double acc = 0;
    double scale = cut * PHASES;
    for (int i = lo; i <= hi; i++) {
      double x = Math.abs(i - t) * scale;
      int k = (int) x;
      if (k >= ZEROS * PHASES) {
        continue;
      }
      double frac = x - k;
      acc += in[i] * (TABLE[k] + frac * (TABLE[k + 1] - TABLE[k]));
    }
    return acc;
  }

  private static float[] table() {
    int n = ZEROS * PHASES + 2;
    float[] t = new float[n];
    double i0b = bessel0(BETA);
    for (int k = 0; k < n; k++) {
      double x = (double) k / PHASES;
      double sinc = k == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
      double r = x / ZEROS;
      double win = r >= 1 ? 0 : bessel0(BETA * Math.sqrt(1 - r * r)) / i0b;
      t[k] = (float) (sinc * win);
    }
    return t;
  }

  private static double bessel0(double x) {
    double sum = 1;
    double term = 1;
    for (int k = 1; k < 30; k++) {
      term *= (x / (2 * k)) * (x / (2 * k));
      sum += term;
    }
    return sum;
  }
}
