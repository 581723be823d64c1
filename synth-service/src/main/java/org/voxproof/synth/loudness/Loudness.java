package org.voxproof.synth.loudness;

/**
 * Programme loudness per ITU-R BS.1770-4: K-weighting, mean square over 400 ms gating blocks
 * overlapping by 75 %, an absolute gate at -70 LUFS and a relative gate 10 LU below the
 * absolutely-gated level. Channels are weighted 1.0 (mono, stereo and the front three of a surround
 * layout; surround channels are not supported here). Plus sample and true peak.
 */
public final class Loudness {
  /** Loudness of digital silence (no block passes the absolute gate). */
  public static final double SILENCE = Double.NEGATIVE_INFINITY;

  private static final double ABSOLUTE_GATE_LUFS = -70.0;
  private static final double RELATIVE_GATE_LU = -10.0;

  private Loudness() {}

  /** A measurement: integrated loudness (LUFS, -∞ for silence) and peaks (dBFS / dBTP). */
  public record Measurement(double integratedLufs, double samplePeakDbfs, double truePeakDbtp) {}

  /** Integrated loudness and peaks of {@code channels} (all the same length) at {@code rate}. */
  public static Measurement measure(float[][] channels, int rate) {
    double sp = 0;
    double tp = 0;
    for (float[] c : channels) {
      sp = Math.max(sp, TruePeak.samplePeak(c));
      tp = Math.max(tp, TruePeak.truePeak(c, rate));
    }
    return new Measurement(integrated(channels, rate), db(sp), db(tp));
  }

  /** Integrated loudness in LUFS; {@link #SILENCE} when nothing passes the absolute gate. */
  public static double integrated(float[][] channels, int rate) {
    if (rate <= 0 || channels.length == 0) {
      throw new IllegalArgumentException("need a positive rate and at least one channel");
    }
    double[] blocks = blockPowers(channels, rate);
    double absSum = 0;
    int absCount = 0;
    for (double z : blocks) {
      if (lufs(z) > ABSOLUTE_GATE_LUFS) {
        absSum += z;
        absCount++;
      }
    }
    if (absCount == 0) {
      return SILENCE;
    }
    double relativeGate = lufs(absSum / absCount) + RELATIVE_GATE_LU;
    double sum = 0;
    int count = 0;
    for (double z : blocks) {
      double l = lufs(z);
      if (l > ABSOLUTE_GATE_LUFS && l > relativeGate) {
        sum += z;
        count++;
      }
    }
    return lufs(sum / count);
  }

  // SPEC: ITU-R BS.1770-4 §2.8 — blocks of T_g = 400 ms, overlap 75 %, z_ij = mean square of the
  // K-weighted channel i over block j; l_j = -0.691 + 10 log10(sum_i G_i z_ij).
  private static double[] blockPowers(float[][] channels, int rate) {
    int n = channels[0].length;
    double[][] prefix = new double[channels.length][];
    for (int c = 0; c < channels.length; c++) {
      if (channels[c].length != n) {
        throw new IllegalArgumentException("channels differ in length");
      }
      prefix[c] = prefixSquares(KWeighting.apply(channels[c], rate));
    }
    long blockLen = Math.round(0.4 * rate);
    if (n == 0) {
      return new double[0];
    }
    if (n < blockLen) {
      // Shorter than one gating block (the standard does not define this): the whole clip is the
      // one block, so a short prompt is normalised like a long one instead of being "silence".
      double z = 0;
      for (double[] p : prefix) {
        z += p[n] / n;
      }
      return new double[] {z};
    }
    int count = (int) ((n - blockLen) / Math.round(0.1 * rate)) + 1;
    double[] z = new double[count];
    for (int j = 0; j < count; j++) {
      int start = (int) Math.round(j * 0.1 * rate);
      int end = (int) Math.min(n, start + blockLen);
      for (double[] p : prefix) {
        z[j] += (p[end] - p[start]) / (end - start);
      }
    }
    return z;
  }

  private static double[] prefixSquares(double[] y) {
    double[] p = new double[y.length + 1];
    for (int i = 0; i < y.length; i++) {
      p[i + 1] = p[i] + y[i] * y[i];
    }
    return p;
  }

  static double lufs(double power) {
    return -0.691 + 10 * Math.log10(power);
  }

  static double db(double linear) {
    return 20 * Math.log10(linear);
  }
}
