package org.voxproof.watermark.internal;

/**
 * Convolutional code, rate 1/3, constraint length 7 (generators 133, 171, 165 octal), zero tail,
 * decoded with a soft-decision Viterbi decoder.
 */
public final class ConvCode {
  public static final int INFO_BITS = PayloadCodec.BITS;
  private static final int K = 7;
  private static final int STATES = 1 << (K - 1);
  private static final int[] GEN = {0133, 0171, 0165};
  public static final int STEPS = INFO_BITS + K - 1;
  public static final int CODED_BITS = STEPS * GEN.length;

  private ConvCode() {}

  /** Encodes {@link #INFO_BITS} bits (0/1) into {@link #CODED_BITS} bits. */
  public static byte[] encode(byte[] info) {
    byte[] out = new byte[CODED_BITS];
    int reg = 0;
    for (int i = 0; i < STEPS; i++) {
      int in = i < info.length ? info[i] : 0;
      reg = ((reg << 1) | in) & ((1 << K) - 1);
      for (int g = 0; g < GEN.length; g++) {
        out[i * GEN.length + g] = (byte) (Integer.bitCount(reg & GEN[g]) & 1);
      }
    }
    return out;
  }

  /** Soft Viterbi; {@code soft[j] > 0} favours coded bit 0. Returns the info bits. */
  public static byte[] decode(double[] soft) {
    double[] metric = new double[STATES];
    double[] next = new double[STATES];
    java.util.Arrays.fill(metric, Double.NEGATIVE_INFINITY);
    metric[0] = 0;
    byte[][] from = new byte[STEPS][STATES];
    for (int i = 0; i < STEPS; i++) {
      java.util.Arrays.fill(next, Double.NEGATIVE_INFINITY);
      int maxIn = i < INFO_BITS ? 1 : 0;
      for (int s = 0; s < STATES; s++) {
        if (metric[s] == Double.NEGATIVE_INFINITY) {
          continue;
        }
        for (int in = 0; in <= maxIn; in++) {
          int reg = (s << 1) | in;
          double m = metric[s] + branch(reg, soft, i);
          int ns = reg & (STATES - 1);
          if (m > next[ns]) {
            next[ns] = m;
            from[i][ns] = (byte) s;
          }
        }
      }
      double[] t = metric;
      metric = next;
      next = t;
    }
    return traceBack(from);
  }

  private static double branch(int reg, double[] soft, int step) {
    double m = 0;
    for (int g = 0; g < GEN.length; g++) {
      int bit = Integer.bitCount(reg & GEN[g]) & 1;
      double s = soft[step * GEN.length + g];
      m += bit == 0 ? s : -s;
    }
    return m;
  }

  private static byte[] traceBack(byte[][] from) {
    byte[] info = new byte[INFO_BITS];
    int s = 0;
    for (int i = STEPS - 1; i >= 0; i--) {
      if (i < INFO_BITS) {
        info[i] = (byte) (s & 1);
      }
      s = from[i][s] & 0xff;
    }
    return info;
  }
}
