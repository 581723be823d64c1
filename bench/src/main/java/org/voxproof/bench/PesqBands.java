package org.voxproof.bench;

/**
 * The Bark bands of {@link PesqStyle}: FFT bins from {@code loHz} to {@code hiHz} grouped so each
 * band spans at least {@code barkWidth} Bark (Zwicker's formula), with Terhardt's threshold in
 * quiet at each band's centre (dB SPL, power 1 = 0 dB SPL) and the loudness scale that gives a 1
 * kHz tone at 40 dB SPL one sone.
 */
final class PesqBands {
  private final int[] firstBin;
  private final double[] width;
  private final double[] threshold;
  private final double totalWidth;
  private final double sl;

  private PesqBands(int[] firstBin, double[] width, double[] threshold) {
    this.firstBin = firstBin;
    this.width = width;
    this.threshold = threshold;
    double w = 0;
    for (double v : width) {
      w += v;
    }
    this.totalWidth = w;
    double p0 = Math.pow(10, terhardtDb(1000) / 10);
    this.sl = 1 / (Math.pow(p0 / 0.5, 0.23) * (Math.pow(0.5 + 0.5 * 1e4 / p0, 0.23) - 1));
  }

  static PesqBands create(int rate, int n, double loHz, double hiHz, double barkWidth) {
    double binHz = (double) rate / n;
    int lo = (int) Math.ceil(loHz / binHz);
    int hi = (int) Math.floor(hiHz / binHz);
    java.util.List<int[]> spans = new java.util.ArrayList<>();
    int start = lo;
    for (int k = lo; k <= hi; k++) {
      if (bark((k + 0.5) * binHz) - bark((start - 0.5) * binHz) >= barkWidth || k == hi) {
        spans.add(new int[] {start, k});
        start = k + 1;
      }
    }
    int[] first = new int[spans.size() + 1];
    double[] width = new double[spans.size()];
    double[] thr = new double[spans.size()];
    for (int b = 0; b < spans.size(); b++) {
      int[] s = spans.get(b);
      first[b] = s[0];
      width[b] = bark((s[1] + 0.5) * binHz) - bark((s[0] - 0.5) * binHz);
      thr[b] = Math.pow(10, terhardtDb((s[0] + s[1]) / 2.0 * binHz) / 10);
    }
    first[spans.size()] = spans.get(spans.size() - 1)[1] + 1;
    return new PesqBands(first, width, thr);
  }

  /** Zwicker and Terhardt's critical-band rate in Bark. */
  static double bark(double hz) {
    return 13 * Math.atan(0.00076 * hz) + 3.5 * Math.atan(Math.pow(hz / 7500, 2));
  }

  /** Terhardt's threshold in quiet, dB SPL. */
  static double terhardtDb(double hz) {
    double f = hz / 1000;
    return 3.64 * Math.pow(f, -0.8)
        - 6.5 * Math.exp(-0.6 * (f - 3.3) * (f - 3.3))
        + 1e-3 * f * f * f * f;
  }

  int count() {
    return width.length;
  }

  double threshold(int band) {
    return threshold[band];
  }

  double sl() {
    return sl;
  }

  /** Sums bin powers into band powers. */
  double[] collect(double[] bins) {
    double[] out = new double[width.length];
    for (int b = 0; b < out.length; b++) {
      for (int k = firstBin[b]; k < firstBin[b + 1]; k++) {
        out[b] += bins[k];
      }
    }
    return out;
  }

  /** P.862's width-weighted Lp over bands: {@code (Σ (|d_b|·W_b)^p / ΣW)^(1/p) · ΣW}, W in Bark. */
  double weightedNorm(double[] d, double p) {
    double s = 0;
    for (int b = 0; b < d.length; b++) {
      s += Math.pow(Math.abs(d[b]) * width[b], p);
    }
    return Math.pow(s / totalWidth, 1 / p) * totalWidth;
  }
}
