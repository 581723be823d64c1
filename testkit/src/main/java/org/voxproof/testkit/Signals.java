package org.voxproof.testkit;

/** Signal comparisons for tests: normalized correlation and alignment search. */
public final class Signals {
  private Signals() {}

  /**
   * Best alignment of {@code x} against {@code ref}: {@code x[i + lag]} matches {@code ref[i]}.
   *
   * @param lag samples by which {@code x} is late
   * @param correlation normalized correlation over the overlap at that lag
   */
  public record Alignment(int lag, double correlation) {}

  /** Normalized correlation of {@code ref[i]} with {@code x[i + lag]} over their overlap. */
  public static double correlation(float[] ref, float[] x, int lag) {
    int from = Math.max(0, -lag);
    int to = Math.min(ref.length, x.length - lag);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = from; i < to; i++) {
      double a = ref[i];
      double b = x[i + lag];
      sxy += a * b;
      sxx += a * a;
      syy += b * b;
    }
    return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  }

  /**
   * Searches lags in {@code [-maxLag, maxLag]} on the loudest second of {@code ref}, then reports
   * the correlation over the whole overlap at the best lag.
   */
  public static Alignment align(float[] ref, float[] x, int rate, int maxLag) {
    int win = Math.min(ref.length, rate);
    int start = loudest(ref, win);
    float[] seg = java.util.Arrays.copyOfRange(ref, start, start + win);
    int best = 0;
    double bestC = -2;
    for (int lag = -maxLag; lag <= maxLag; lag++) {
      double c = segmentCorrelation(seg, x, start + lag);
      if (c > bestC) {
        bestC = c;
        best = lag;
      }
    }
    return new Alignment(best, correlation(ref, x, best));
  }

  private static double segmentCorrelation(float[] seg, float[] x, int at) {
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < seg.length; i++) {
      int j = at + i;
      if (j < 0 || j >= x.length) {
        continue;
      }
      sxy += seg[i] * (double) x[j];
      sxx += seg[i] * (double) seg[i];
      syy += x[j] * (double) x[j];
    }
    return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  }

  private static int loudest(float[] x, int win) {
    int step = Math.max(1, win / 4);
    int best = 0;
    double bestE = -1;
    for (int s = 0; s + win <= x.length; s += step) {
      double e = 0;
      for (int i = s; i < s + win; i++) {
        e += x[i] * (double) x[i];
      }
      if (e > bestE) {
        bestE = e;
        best = s;
      }
    }
    return best;
  }
}
