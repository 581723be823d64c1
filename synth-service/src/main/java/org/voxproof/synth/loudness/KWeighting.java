package org.voxproof.synth.loudness;

/**
 * The K-weighting pre-filter of ITU-R BS.1770-4: a high-shelf (stage 1, the head's acoustic effect)
 * followed by the RLB high-pass (stage 2). The standard tabulates the coefficients for 48 kHz; for
 * other rates they come from the same analogue prototypes by the bilinear transform, which
 * reproduces the 48 kHz table to 1e-8.
 */
final class KWeighting {
  // Analogue prototypes of the two stages (as fitted to the BS.1770-4 48 kHz table).
  private static final double SHELF_F0 = 1681.974450955533;
  private static final double SHELF_GAIN_DB = 3.999843853973347;
  private static final double SHELF_Q = 0.7071752369554196;
  private static final double HP_F0 = 38.13547087602444;
  private static final double HP_Q = 0.5003270373238773;

  private KWeighting() {}

  /** Biquad coefficients {b0, b1, b2, a1, a2} (a0 = 1) of stage 1 at {@code rate}. */
  // SPEC: ITU-R BS.1770-4 Table 1 (48 kHz) — reproduced by these formulas at rate 48000.
  static double[] shelf(double rate) {
    double k = Math.tan(Math.PI * SHELF_F0 / rate);
    double vh = Math.pow(10, SHELF_GAIN_DB / 20);
    double vb = Math.pow(vh, 0.4996667741545416);
    double a0 = 1 + k / SHELF_Q + k * k;
    return new double[] {
      (vh + vb * k / SHELF_Q + k * k) / a0,
      2 * (k * k - vh) / a0,
      (vh - vb * k / SHELF_Q + k * k) / a0,
      2 * (k * k - 1) / a0,
      (1 - k / SHELF_Q + k * k) / a0
    };
  }

  /** Biquad coefficients of stage 2 at {@code rate}. */
  // SPEC: ITU-R BS.1770-4 Table 2 — numerator (1, -2, 1) as published, not divided by a0.
  static double[] highPass(double rate) {
    double k = Math.tan(Math.PI * HP_F0 / rate);
    double a0 = 1 + k / HP_Q + k * k;
    return new double[] {1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / HP_Q + k * k) / a0};
  }

  /** Filters one channel through both stages (direct form I, double precision). */
  static double[] apply(float[] x, int rate) {
    double[] y = biquad(x, shelf(rate));
    return biquad(y, highPass(rate));
  }

  private static double[] biquad(float[] x, double[] c) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return biquad(d, c);
  }

  private static double[] biquad(double[] x, double[] c) {
    double[] y = new double[x.length];
    double x1 = 0;
    double x2 = 0;
    double y1 = 0;
    double y2 = 0;
    for (int i = 0; i < x.length; i++) {
      double v = c[0] * x[i] + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
      x2 = x1;
      x1 = x[i];
      y2 = y1;
      y1 = v;
      y[i] = v;
    }
    return y;
  }

  /** |H(f)|² of the cascade at frequency {@code f} (tests derive expected loudness from it). */
  static double powerGain(double f, double rate) {
    return biquadPower(shelf(rate), f, rate) * biquadPower(highPass(rate), f, rate);
  }

  private static double biquadPower(double[] c, double f, double rate) {
    double w = 2 * Math.PI * f / rate;
    double nr = c[0] + c[1] * Math.cos(w) + c[2] * Math.cos(2 * w);
    double ni = -(c[1] * Math.sin(w) + c[2] * Math.sin(2 * w));
    double dr = 1 + c[3] * Math.cos(w) + c[4] * Math.cos(2 * w);
    double di = -(c[3] * Math.sin(w) + c[4] * Math.sin(2 * w));
    return (nr * nr + ni * ni) / (dr * dr + di * di);
  }
}
