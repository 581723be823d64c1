package org.voxproof.dsp.internal;

/**
 * Polyphase table of a Kaiser-windowed sinc low-pass for a rational rate change L/M, and the
 * convolution that applies it. One row of taps per output phase; rows for ratios with very many
 * phases are interpolated linearly from a 4096-phase table. {@link #applyAnyRatio} applies the same
 * design at any real ratio from one finely sampled kernel.
 */
public final class KaiserSinc {
  // SPEC: J. F. Kaiser, "Nonrecursive digital filter design using the I0-sinh window function"
  // (1974): beta = 0.1102 (A - 8.7) for A > 50 dB; length N = (A - 7.95) / (14.36 df).
  private static final double ATTENUATION_DB = 80;
  private static final double PASS_EDGE = 0.90; // of the lower Nyquist frequency
  private static final double STOP_EDGE = 1.00;
  private static final int MAX_PHASES = 4096;

  private static final double PASS_CENTER = (PASS_EDGE + STOP_EDGE) / 2;

  /** Half-width of the kernel in input samples at a scale of 1 (the design's taps / 2 + 1). */
  private static final int HALF_UNITS =
      (int) Math.ceil((ATTENUATION_DB - 7.95) / (14.36 * 0.5 * (STOP_EDGE - PASS_EDGE))) / 2 + 1;

  private static final int KERNEL_STEPS = 512;
  private static final float[] KERNEL = kernel();

  private final int up;
  private final int down;
  private final int half;
  private final int phases;
  private final boolean exact;
  private final float[] table; // phases+1 rows of 2*half taps

  public KaiserSinc(int fromHz, int toHz) {
    int g = gcd(fromHz, toHz);
    this.up = toHz / g;
    this.down = fromHz / g;
    double scale = Math.min(1.0, toHz / (double) fromHz); // lower Nyquist / input Nyquist
    double cutoff = 0.5 * scale * (PASS_EDGE + STOP_EDGE) / 2; // cycles per input sample
    double transition = 0.5 * scale * (STOP_EDGE - PASS_EDGE);
    int taps = (int) Math.ceil((ATTENUATION_DB - 7.95) / (14.36 * transition));
    this.half = taps / 2 + 1;
    this.exact = up <= MAX_PHASES;
    this.phases = exact ? up : MAX_PHASES;
    this.table = design(cutoff, 0.1102 * (ATTENUATION_DB - 8.7));
  }

  private float[] design(double cutoff, double beta) {
    int width = 2 * half;
    float[] t = new float[(phases + 1) * width];
    double i0b = besselI0(beta);
    for (int p = 0; p <= phases; p++) {
      double frac = p / (double) phases;
      double sum = 0;
      double[] row = new double[width];
      for (int k = 0; k < width; k++) {
        double x = k - (half - 1) - frac; // tap k multiplies input[i + k - half + 1]
        double r = x / half;
        double w = r * r >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / i0b;
        row[k] = 2 * cutoff * sinc(2 * cutoff * x) * w;
        sum += row[k];
      }
      for (int k = 0; k < width; k++) {
        t[p * width + k] = (float) (row[k] / sum);
      }
    }
    return t;
  }

  public void apply(float[] x, float[] y) {
    int width = 2 * half;
    for (int n = 0; n < y.length; n++) {
      long pos = (long) n * down;
      int i = (int) (pos / up);
      int p = (int) (pos - (long) i * up);
      int start = i - half + 1;
      if (exact) {
        y[n] = dot(x, start, table, p * width, width);
      } else {
        double f = p * (double) phases / up;
        int row = (int) f;
        float a = (float) (f - row);
        float y0 = dot(x, start, table, row * width, width);
        float y1 = dot(x, start, table, (row + 1) * width, width);
        y[n] = y0 + a * (y1 - y0);
      }
    }
  }

  /**
   * Output sample {@code n} of {@code y} is {@code x} at time {@code n / ratio}, low-passed at the
   * lower Nyquist frequency like the polyphase design; each output is normalised by the sum of its
   * taps (exact DC gain).
   */
  public static void applyAnyRatio(float[] x, float[] y, double ratio) {
    double scale = Math.min(1.0, ratio);
    double halfWidth = HALF_UNITS / scale;
    double step = scale * KERNEL_STEPS;
    int last = HALF_UNITS * KERNEL_STEPS;
    for (int n = 0; n < y.length; n++) {
      double t = n / ratio;
      int lo = Math.max(0, (int) Math.ceil(t - halfWidth));
      int hi = Math.min(x.length - 1, (int) Math.floor(t + halfWidth));
      double acc = 0;
      double sum = 0;
      for (int i = lo; i <= hi; i++) {
        double u = Math.abs(i - t) * step;
        int k = (int) u;
        if (k >= last) {
          continue;
        }
        double h = KERNEL[k] + (u - k) * (KERNEL[k + 1] - KERNEL[k]);
        acc += x[i] * h;
        sum += h;
      }
      y[n] = sum > 0 ? (float) (acc / sum) : 0f;
    }
  }

  /** The windowed sinc at a scale of 1, sampled at 1 / KERNEL_STEPS of an input sample. */
  private static float[] kernel() {
    int n = HALF_UNITS * KERNEL_STEPS + 2;
    float[] k = new float[n];
    double beta = 0.1102 * (ATTENUATION_DB - 8.7);
    double i0b = besselI0(beta);
    for (int j = 0; j < n; j++) {
      double x = j / (double) KERNEL_STEPS;
      double r = x / HALF_UNITS;
      double w = r >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / i0b;
      k[j] = (float) (PASS_CENTER * sinc(PASS_CENTER * x) * w);
    }
    return k;
  }

  private static float dot(float[] x, int start, float[] h, int off, int width) {
    int k0 = Math.max(0, -start);
    int k1 = Math.min(width, x.length - start);
    // Eight independent sums: no loop-carried dependency, so the JIT can pipeline them.
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float s6 = 0;
    float s7 = 0;
    int k = k0;
    int xo = start;
    for (; k + 7 < k1; k += 8) {
      s0 += x[xo + k] * h[off + k];
      s1 += x[xo + k + 1] * h[off + k + 1];
      s2 += x[xo + k + 2] * h[off + k + 2];
      s3 += x[xo + k + 3] * h[off + k + 3];
      s4 += x[xo + k + 4] * h[off + k + 4];
      s5 += x[xo + k + 5] * h[off + k + 5];
      s6 += x[xo + k + 6] * h[off + k + 6];
      s7 += x[xo + k + 7] * h[off + k + 7];
    }
    for (; k < k1; k++) {
      s0 += x[xo + k] * h[off + k];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  private static double sinc(double x) {
    return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  }

  static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    for (int k = 1; k < 50; k++) {
      term *= (x / (2 * k)) * (x / (2 * k));
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return sum;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
