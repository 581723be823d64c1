package org.voxproof.synth.loudness;

/**
 * True-peak level by 4x oversampling with the interpolating filter of ITU-R BS.1770-4 Annex 2 (48
 * taps, 4 phases of 12). At 192 kHz and above the samples themselves are dense enough.
 */
final class TruePeak {
  // SPEC: ITU-R BS.1770-4 Annex 2, Table 1 — phase p gives the point p/4 between input samples.
  static final double[][] PHASES = {
    {
      0.0017089843750, 0.0109863281250, -0.0196533203125, 0.0332031250000, -0.0594482421875,
      0.1373291015625, 0.9721679687500, -0.1022949218750, 0.0476074218750, -0.0266113281250,
      0.0148925781250, -0.0083007812500
    },
    {
      -0.0291748046875, 0.0292968750000, -0.0517578125000, 0.0891113281250, -0.1665039062500,
      0.4650878906250, 0.7797851562500, -0.2003173828125, 0.1015625000000, -0.0582275390625,
      0.0330810546875, -0.0189208984375
    },
    {
      -0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625000000, -0.2003173828125,
      0.7797851562500, 0.4650878906250, -0.1665039062500, 0.0891113281250, -0.0517578125000,
      0.0292968750000, -0.0291748046875
    },
    {
      -0.0083007812500, 0.0148925781250, -0.0266113281250, 0.0476074218750, -0.1022949218750,
      0.9721679687500, 0.1373291015625, -0.0594482421875, 0.0332031250000, -0.0196533203125,
      0.0109863281250, 0.0017089843750
    }
  };
  private static final int TAPS = 12;
  private static final int CHUNK = 64;
  private static final double BOUND = bound();

  private TruePeak() {}

  /** Largest absolute sample value. */
  static double samplePeak(float[] x) {
    double p = 0;
    for (float v : x) {
      p = Math.max(p, Math.abs(v));
    }
    return p;
  }

  /**
   * Largest absolute value of the 4x oversampled signal (and of the samples themselves). Exact: a
   * chunk of outputs is skipped only when no output in it can exceed the peak found so far (its
   * inputs' largest magnitude times the largest sum of absolute taps of any phase, with a margin
   * for rounding) — in normalised speech most chunks, since the sample peak is known first.
   */
  static double truePeak(float[] x, int rate) {
    double peak = samplePeak(x);
    if (rate >= 192_000) {
      return peak;
    }
    // x padded with TAPS-1 zeros on both sides: every output reads a full window, no branches.
    double[] p = new double[x.length + 2 * (TAPS - 1)];
    for (int i = 0; i < x.length; i++) {
      p[i + TAPS - 1] = x[i];
    }
    int outputs = x.length + TAPS - 1;
    for (int start = 0; start < outputs; start += CHUNK) {
      int end = Math.min(outputs, start + CHUNK);
      double local = 0; // outputs start..end-1 read p[start .. end - 1 + TAPS - 1]
      for (int i = start; i < end + TAPS - 1; i++) {
        local = Math.max(local, Math.abs(p[i]));
      }
      if (local * BOUND <= peak) {
        continue;
      }
      for (int n = start; n < end; n++) {
        int newest = n + TAPS - 1;
        for (double[] h : PHASES) {
          double acc = 0;
          for (int k = 0; k < TAPS; k++) {
            acc += h[k] * p[newest - k];
          }
          peak = Math.max(peak, Math.abs(acc));
        }
      }
    }
    return peak;
  }

  /** The largest sum of absolute taps of any phase, plus a margin for rounding. */
  private static double bound() {
    double b = 0;
    for (double[] h : PHASES) {
      double s = 0;
      for (double v : h) {
        s += Math.abs(v);
      }
      b = Math.max(b, s);
    }
    return b * (1 + 1e-9);
  }
}
