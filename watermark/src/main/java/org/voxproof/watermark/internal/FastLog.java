package org.voxproof.watermark.internal;

/** Natural logarithm of positive floats to about 1e-4, from the exponent and a mantissa table. */
final class FastLog {
  private static final int BITS = 12;
  private static final float[] TABLE = new float[(1 << BITS) + 1];
  private static final float LN2 = (float) Math.log(2);

  static {
    for (int i = 0; i <= 1 << BITS; i++) {
      TABLE[i] = (float) Math.log(1 + (double) i / (1 << BITS));
    }
  }

  private FastLog() {}

  static float ln(float x) {
    int bits = Float.floatToRawIntBits(x);
    int exponent = ((bits >>> 23) & 0xff) - 127;
    int mantissa = bits & 0x7fffff;
    int i = mantissa >>> (23 - BITS);
    float frac = (mantissa & ((1 << (23 - BITS)) - 1)) / (float) (1 << (23 - BITS));
    float m = TABLE[i] + frac * (TABLE[i + 1] - TABLE[i]);
    return exponent * LN2 + m;
  }
}
