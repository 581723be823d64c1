package org.voxproof.bench.attacks;

/** Windowed-sinc (Blackman) resampler used by the resampling and speed attacks. */
public final class Resample {
  private static final int ZEROS = 16;

  private Resample() {}

  /** Output sample j is the input at time j / ratio; lowpass at the lower Nyquist. */
  public static float[] byRatio(float[] in, double ratio) {
    int outLen = (int) Math.floor(in.length * ratio);
    float[] out = new float[outLen];
    double cut = Math.min(1.0, ratio) * 0.97;
    double half = ZEROS / cut;
    for (int j = 0; j < outLen; j++) {
      double t = j / ratio;
      int lo = Math.max(0, (int) Math.ceil(t - half));
      int hi = Math.min(in.length - 1, (int) Math.floor(t + half));
      double acc = 0;
      for (int i = lo; i <= hi; i++) {
        double d = (i - t) * cut;
        double sinc = d == 0 ? 1 : Math.sin(Math.PI * d) / (Math.PI * d);
        double r = (i - t) / half;
        double win = 0.42 + 0.5 * Math.cos(Math.PI * r) + 0.08 * Math.cos(2 * Math.PI * r);
        acc += in[i] * sinc * win;
      }
      out[j] = (float) (acc * cut);
    }
    return out;
  }

  public static float[] rate(float[] in, int from, int to) {
    return from == to ? in.clone() : byRatio(in, (double) to / from);
  }
}
