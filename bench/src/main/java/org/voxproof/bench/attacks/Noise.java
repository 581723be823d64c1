package org.voxproof.bench.attacks;

import java.util.Random;

/** White and pink noise of a given standard deviation. */
public final class Noise {
  private Noise() {}

  public static float[] white(int n, double std, Random rng) {
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = (float) (rng.nextGaussian() * std);
    }
    return y;
  }

  /** Pink noise (Paul Kellet's filter of white noise), scaled to the given std. */
  public static float[] pink(int n, double std, Random rng) {
    double[] p = new double[n];
    double b0 = 0;
    double b1 = 0;
    double b2 = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double w = rng.nextGaussian();
      b0 = 0.99765 * b0 + w * 0.0990460;
      b1 = 0.96300 * b1 + w * 0.2965164;
      b2 = 0.57000 * b2 + w * 1.0526913;
      p[i] = b0 + b1 + b2 + w * 0.1848;
      sum += p[i] * p[i];
    }
    double scale = std / Math.sqrt(sum / Math.max(1, n));
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = (float) (p[i] * scale);
    }
    return y;
  }

  /**
   * Pink noise as AudioSeal's evaluation defines it: 16 independent Gaussian random walks laid end
   * to end, normalised to a peak of 1, times {@code scale} (so mostly very low frequencies).
   */
  public static float[] audioSealPink(int n, double scale, Random rng) {
    int rows = 16;
    int cols = n / rows + 1;
    double[] walk = new double[rows * cols];
    double peak = 1e-12;
    for (int r = 0; r < rows; r++) {
      double acc = 0;
      for (int c = 0; c < cols; c++) {
        acc += rng.nextGaussian();
        walk[r * cols + c] = acc;
      }
    }
    for (int i = 0; i < n; i++) {
      peak = Math.max(peak, Math.abs(walk[i]));
    }
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = (float) (walk[i] / peak * scale);
    }
    return y;
  }

  public static float[] add(float[] x, float[] noise) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] + noise[i];
    }
    return y;
  }
}
