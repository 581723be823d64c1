package org.voxproof.watermark;

/** Channel helpers. */
final class Mix {
  private Mix() {}

  static float[] mono(float[][] channels) {
    if (channels.length == 0) {
      throw new IllegalArgumentException("no channels");
    }
    if (channels.length == 1) {
      return channels[0];
    }
    float[] out = new float[channels[0].length];
    for (float[] ch : channels) {
      for (int i = 0; i < out.length; i++) {
        out[i] += ch[i] / channels.length;
      }
    }
    return out;
  }

  static float[] fit(float[] x, int length) {
    return x.length == length ? x : java.util.Arrays.copyOf(x, length);
  }
}
