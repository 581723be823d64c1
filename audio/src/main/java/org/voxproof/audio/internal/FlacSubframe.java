package org.voxproof.audio.internal;

import org.voxproof.audio.AudioFormatException;

/** One FLAC subframe: constant, verbatim, fixed or LPC prediction plus a Rice residual. */
final class FlacSubframe {
  // SPEC: RFC 9639 §9.2.1 subframe header, §9.2.3-9.2.6 types, §9.2.7 coded residual.
  private FlacSubframe() {}

  static void decode(BitReader r, int[] out, int n, int bps) throws AudioFormatException {
    if (r.uint(1) != 0) {
      throw Fail.lies("FLAC subframe padding bit set");
    }
    int type = r.uint(6);
    int wasted = r.uint(1) == 1 ? (int) Math.min(r.unary() + 1, 64) : 0;
    if (wasted >= bps) {
      throw Fail.lies("FLAC subframe wastes all its bits");
    }
    int depth = bps - wasted;
    if (type == 0) {
      int v = (int) r.signed(depth);
      java.util.Arrays.fill(out, 0, n, v);
    } else if (type == 1) {
      for (int i = 0; i < n; i++) {
        out[i] = (int) r.signed(depth);
      }
    } else if (type >= 8 && type <= 12) {
      fixed(r, out, n, depth, type - 8);
    } else if (type >= 32) {
      lpc(r, out, n, depth, type - 31);
    } else {
      throw Fail.lies("reserved FLAC subframe type " + type);
    }
    if (wasted > 0) {
      for (int i = 0; i < n; i++) {
        out[i] <<= wasted;
      }
    }
  }

  private static void warmup(BitReader r, int[] out, int n, int depth, int order)
      throws AudioFormatException {
    if (order > n) {
      throw Fail.lies("FLAC predictor order exceeds the block size");
    }
    for (int i = 0; i < order; i++) {
      out[i] = (int) r.signed(depth);
    }
  }

  private static void fixed(BitReader r, int[] s, int n, int depth, int order)
      throws AudioFormatException {
    warmup(r, s, n, depth, order);
    residual(r, s, n, order);
    for (int i = order; i < n; i++) {
      long p =
          switch (order) {
            case 0 -> 0;
            case 1 -> s[i - 1];
            case 2 -> 2L * s[i - 1] - s[i - 2];
            case 3 -> 3L * s[i - 1] - 3L * s[i - 2] + s[i - 3];
            default -> 4L * s[i - 1] - 6L * s[i - 2] + 4L * s[i - 3] - s[i - 4];
          };
      s[i] = (int) (s[i] + p);
    }
  }

  private static void lpc(BitReader r, int[] s, int n, int depth, int order)
      throws AudioFormatException {
    warmup(r, s, n, depth, order);
    int precision = r.uint(4) + 1;
    int shift = (int) r.signed(5);
    if (precision == 16 || shift < 0) {
      throw Fail.lies("invalid FLAC LPC precision or shift");
    }
    long[] coef = new long[order];
    for (int j = 0; j < order; j++) {
      coef[j] = r.signed(precision);
    }
    residual(r, s, n, order);
    for (int i = order; i < n; i++) {
      long sum = 0;
      for (int j = 0; j < order; j++) {
        sum += coef[j] * s[i - 1 - j];
      }
      s[i] = (int) (s[i] + (sum >> shift));
    }
  }

  /** Reads the residual into {@code s[order..n)}. */
  private static void residual(BitReader r, int[] s, int n, int order) throws AudioFormatException {
    int method = r.uint(2);
    if (method > 1) {
      throw Fail.lies("reserved FLAC residual coding method");
    }
    int paramBits = method == 0 ? 4 : 5;
    int escape = (1 << paramBits) - 1;
    int partitionOrder = r.uint(4);
    int per = n >> partitionOrder;
    if ((n & ((1 << partitionOrder) - 1)) != 0 || per < order) {
      throw Fail.lies("FLAC residual partitions do not fit the block");
    }
    int i = order;
    for (int p = 0; p < (1 << partitionOrder); p++) {
      int end = (p + 1) * per;
      int param = r.uint(paramBits);
      if (param == escape) {
        int bits = r.uint(5);
        for (; i < end; i++) {
          s[i] = (int) r.signed(bits);
        }
      } else {
        for (; i < end; i++) {
          long v = (r.unary() << param) | r.bits(param);
          s[i] = (int) ((v >>> 1) ^ -(v & 1));
        }
      }
    }
  }
}
